// DecodeAuthorizationMessage: opens an encoded authorization-failure message that Gatehouse issued (sealed with
// the service's SecretBox). Gatehouse's IAM and STS AccessDenied errors carry plain messages, as AWS's do, so
// any other text is answered InvalidAuthorizationMessageException.
import type { SecretBox } from '../crypto/secrets';
import type { StsOperation } from '../core/context';
import { InvalidAuthorizationMessage } from '../core/errors';

const PREFIX = 'gatehouse-authz.';

/** Seals a decoded authorization message (AWS's JSON: allowed, explicitDeny, matchedStatements, context). */
export function encodeAuthorizationMessage(secrets: SecretBox, decoded: object): string {
  return PREFIX + Buffer.from(secrets.encrypt(JSON.stringify(decoded)), 'utf8').toString('base64url');
}

export const decodeAuthorizationMessage: StsOperation<'DecodeAuthorizationMessage'> = async (ctx, input) => {
  const invalid = new InvalidAuthorizationMessage('The encoded message is not a valid authorization message issued by this service.');
  const encoded = input.EncodedMessage.trim();
  if (!encoded.startsWith(PREFIX)) throw invalid;
  let decoded: string;
  try {
    decoded = ctx.secrets.decrypt(Buffer.from(encoded.slice(PREFIX.length), 'base64url').toString('utf8'));
    JSON.parse(decoded);
  } catch {
    throw invalid;
  }
  return { DecodedMessage: decoded };
};
