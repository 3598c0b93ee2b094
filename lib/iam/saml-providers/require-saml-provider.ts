// Looks up a SAML provider by ARN, with AWS's NoSuchEntity when it does not exist.
import { NoSuchEntity } from '../../core/errors';
import type { SamlProviderRecord, Store } from '../../store/types';

/** AWS's quota of SAML providers per account. */
export const SAML_PROVIDERS_PER_ACCOUNT = 100;

/** The provider with this ARN, or NoSuchEntity. */
export async function requireSamlProvider(store: Store, arn: string): Promise<SamlProviderRecord> {
  const provider = await store.identityProviders.getSaml(arn);
  if (!provider) throw new NoSuchEntity(`Manifest not found for arn ${arn}`);
  return provider;
}
