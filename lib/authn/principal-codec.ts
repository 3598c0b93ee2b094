// Principals of temporary sessions as stored in the `sessions` table: JSON with dates revived.
import type { Principal } from '../core/context';

const DATE_FIELDS = ['mfaAuthTime', 'tokenIssueTime', 'expiration'] as const;

/** The principal as JSON for storage (the signing access key id is not part of it). */
export function encodePrincipal(principal: Principal): string {
  const { accessKeyId: _ignored, ...rest } = principal;
  return JSON.stringify(rest);
}

/** Reads a stored principal back, reviving its dates. */
export function decodePrincipal(json: string): Principal {
  const principal = JSON.parse(json) as Principal & Record<string, unknown>;
  for (const field of DATE_FIELDS) {
    const value = principal[field];
    if (typeof value === 'string') (principal as Record<string, unknown>)[field] = new Date(value);
  }
  return principal;
}
