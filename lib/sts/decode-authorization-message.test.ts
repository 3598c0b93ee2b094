// DecodeAuthorizationMessage opens only messages sealed by this service's SecretBox.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../crypto/secrets';
import type { OperationContext } from '../core/context';
import { InvalidAuthorizationMessage } from '../core/errors';
import { decodeAuthorizationMessage, encodeAuthorizationMessage } from './decode-authorization-message';

describe('decodeAuthorizationMessage', () => {
  const secrets = new SecretBox(randomBytes(32));
  const ctx = { secrets } as OperationContext;
  const decoded = { allowed: false, explicitDeny: false, context: { action: 'iam:CreateUser' } };

  it('round-trips a message the service sealed', async () => {
    const encoded = encodeAuthorizationMessage(secrets, decoded);
    expect(JSON.parse((await decodeAuthorizationMessage(ctx, { EncodedMessage: encoded })).DecodedMessage ?? '')).toEqual(decoded);
  });

  it('refuses messages of another key, tampered or foreign ones', async () => {
    const other = encodeAuthorizationMessage(new SecretBox(randomBytes(32)), decoded);
    const tampered = `${encodeAuthorizationMessage(secrets, decoded).slice(0, -4)}AAAA`;
    for (const message of [other, tampered, 'plain text', 'gatehouse-authz.%%%']) {
      await expect(decodeAuthorizationMessage(ctx, { EncodedMessage: message })).rejects.toThrow(InvalidAuthorizationMessage);
    }
  });
});
