// The rows of `oidc_providers` and `saml_providers` as both SQL stores read them (the SQLite and PostgreSQL schemas
// name and type their columns alike; lists are JSON text in both) and their mapping to the records the repository returns.
import type { OidcProviderRecord, SamlProviderRecord } from '../identity-providers';

export interface OidcProviderRow {
  arn: string;
  url: string;
  client_ids: string;
  thumbprints: string;
  create_date: string;
}

export interface SamlProviderRow {
  arn: string;
  name: string;
  metadata_document: string;
  create_date: string;
  valid_until: string;
}

export function toOidcProviderRecord(row: OidcProviderRow): OidcProviderRecord {
  return {
    arn: row.arn,
    url: row.url,
    clientIds: JSON.parse(row.client_ids),
    thumbprints: JSON.parse(row.thumbprints),
    createDate: row.create_date,
  };
}

export function toSamlProviderRecord(row: SamlProviderRow): SamlProviderRecord {
  return {
    arn: row.arn,
    name: row.name,
    metadataDocument: row.metadata_document,
    createDate: row.create_date,
    validUntil: row.valid_until,
  };
}
