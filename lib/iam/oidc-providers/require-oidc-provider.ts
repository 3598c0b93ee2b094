// Looks up an OpenID Connect provider by ARN, with AWS's NoSuchEntity when it does not exist; shared rules.
import { InvalidInput, LimitExceeded, NoSuchEntity } from '../../core/errors';
import type { OidcProviderRecord, Store } from '../../store/types';

/** AWS's quotas for OIDC providers. */
export const OIDC_QUOTAS = { providersPerAccount: 100, clientIdsPerProvider: 100, thumbprintsPerProvider: 5 } as const;

/** The provider with this ARN, or NoSuchEntity. */
export async function requireOidcProvider(store: Store, arn: string): Promise<OidcProviderRecord> {
  const provider = await store.identityProviders.getOidc(arn);
  if (!provider) throw new NoSuchEntity(`OpenIDConnect Provider not found for arn ${arn}`);
  return provider;
}

/**
 * Thumbprints are 40 hexadecimal characters (SHA-1 of the IdP's certificate), at most 5 of them. At creation
 * the list may be empty (AWS then trusts the IdP's certificate through its own store); an update must name one.
 */
export function validateThumbprints(thumbprints: string[], options: { allowEmpty?: boolean } = {}): string[] {
  if (thumbprints.length === 0 && !options.allowEmpty) {
    throw new InvalidInput('You must provide at least one thumbprint for an OpenIDConnect provider.');
  }
  if (thumbprints.length > OIDC_QUOTAS.thumbprintsPerProvider) {
    // AWS's wording, although five are accepted.
    throw new InvalidInput('Thumbprint list must contain fewer than 5 entries.');
  }
  for (const thumbprint of thumbprints) {
    if (!/^[0-9a-fA-F]{40}$/.test(thumbprint))
      throw new InvalidInput(`Thumbprint ${thumbprint} is not a valid 40-character hexadecimal SHA-1 fingerprint.`);
  }
  return [...new Set(thumbprints.map((t) => t.toLowerCase()))];
}

/** Client IDs: at most 100, duplicates collapsed. */
export function validateClientIds(clientIds: string[]): string[] {
  const unique = [...new Set(clientIds)];
  if (unique.length > OIDC_QUOTAS.clientIdsPerProvider) {
    throw new LimitExceeded(`Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${OIDC_QUOTAS.clientIdsPerProvider}`);
  }
  return unique;
}
