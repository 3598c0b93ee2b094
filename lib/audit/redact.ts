// CloudTrail-style parameters: keys in camelCase, secrets (passwords, secret keys, private keys, MFA codes and seeds, tokens) hidden.

/** What CloudTrail writes in place of a value it does not log. */
export const REDACTED = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** Member names (lower case) whose values are secrets, wherever they appear. */
const SECRET_KEYS = new Set([
  'password',
  'newpassword',
  'oldpassword',
  'secretaccesskey',
  'privatekey',
  'authenticationcode1',
  'authenticationcode2',
  'tokencode',
  'sessiontoken',
  'base32stringseed',
  'qrcodepng',
  'servicepassword',
  'samlassertion',
  'webidentitytoken',
  'samlresponse',
  'secret',
]);

/** True when a member of that name holds a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

/** CloudTrail's spelling of a member name: the first letter in lower case (`UserName` → `userName`). */
export function cloudTrailName(key: string): string {
  return key.length === 0 ? key : key[0].toLowerCase() + key.slice(1);
}

/** A JSON-ready copy of an input or output with camelCase keys and every secret replaced by REDACTED. */
export function redactForAudit(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return REDACTED;
  if (Array.isArray(value)) return value.map(redactForAudit);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      if (member === undefined) continue;
      out[cloudTrailName(key)] = isSecretKey(key) ? REDACTED : redactForAudit(member);
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}
