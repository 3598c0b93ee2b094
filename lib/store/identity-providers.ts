// The identity provider part of the Store interface: OpenID Connect and SAML providers of the account.

export interface OidcProviderRecord {
  /** `arn:aws:iam::ACCOUNT:oidc-provider/<host/path>`. */
  arn: string;
  /** The issuer URL without `https://`, as AWS returns it. */
  url: string;
  clientIds: string[];
  thumbprints: string[];
  createDate: string;
}

export interface SamlProviderRecord {
  /** `arn:aws:iam::ACCOUNT:saml-provider/<name>`. */
  arn: string;
  name: string;
  metadataDocument: string;
  createDate: string;
  validUntil: string;
}

export interface IdentityProviderRepository {
  getOidc(arn: string): Promise<OidcProviderRecord | undefined>;
  /** Inserts or replaces the provider with this ARN. */
  putOidc(provider: OidcProviderRecord): Promise<void>;
  deleteOidc(arn: string): Promise<void>;
  listOidc(): Promise<OidcProviderRecord[]>;
  getSaml(arn: string): Promise<SamlProviderRecord | undefined>;
  /** Inserts or replaces the provider with this ARN. */
  putSaml(provider: SamlProviderRecord): Promise<void>;
  deleteSaml(arn: string): Promise<void>;
  listSaml(): Promise<SamlProviderRecord[]>;
}
