// Public surface of authentication: the pipeline's authenticator and the issuing of temporary sessions.
export { createAuthenticator, type AuthenticatorDeps } from './authenticator';
export { issueSession, type SessionCredentials } from './issue-session';
export { encodePrincipal, decodePrincipal } from './principal-codec';
