// AssumeRoleWithSAML: checks the role, the SAML provider and the assertion's form, then refuses honestly.
// Verifying a SAML response needs XML Signature over exclusive XML canonicalization, which Gatehouse does not
// implement; rather than trust an unverified assertion it issues no credentials (InvalidIdentityToken).
import type { AssumeRoleWithSAMLRequest } from '@aws-sdk/client-sts';
import type { Operation } from '../iam/context';
import { AccessDenied, InvalidIdentityToken } from '../protocol/errors';
import { roleByArn } from './federated-role';

export const assumeRoleWithSAML: Operation<AssumeRoleWithSAMLRequest> = (ctx, input) => {
  if (!roleByArn(ctx, input.RoleArn!)) throw new AccessDenied('Not authorized to perform sts:AssumeRoleWithSAML');
  if (!ctx.store.identityProviders.getSaml(input.PrincipalArn!)) {
    throw new InvalidIdentityToken(`SAML provider ${input.PrincipalArn} does not exist in this account.`);
  }
  const assertion = input.SAMLAssertion!.trim();
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(assertion) ? Buffer.from(assertion, 'base64').toString('utf8') : '';
  if (!/<([\w-]+:)?(Response|Assertion)\b/.test(decoded)) {
    throw new InvalidIdentityToken('Invalid SAML response: the assertion is not a base64-encoded SAML 2.0 Response.');
  }
  throw new InvalidIdentityToken(
    'Gatehouse cannot verify SAML assertion signatures (XML Signature with exclusive canonicalization is not implemented), so it issues no credentials for SAML federation.',
  );
};
