// PostgreSQL implementation of the identity provider repository (OIDC and SAML providers).
import type { IdentityProviderRepository, OidcProviderRecord, SamlProviderRecord } from '../identity-providers';
import type { Sql } from './sql';

interface OidcRow {
  arn: string;
  url: string;
  client_ids: string;
  thumbprints: string;
  create_date: string;
}

interface SamlRow {
  arn: string;
  name: string;
  metadata_document: string;
  create_date: string;
  valid_until: string;
}

function oidcRecord(row: OidcRow): OidcProviderRecord {
  return {
    arn: row.arn,
    url: row.url,
    clientIds: JSON.parse(row.client_ids),
    thumbprints: JSON.parse(row.thumbprints),
    createDate: row.create_date,
  };
}

function samlRecord(row: SamlRow): SamlProviderRecord {
  return {
    arn: row.arn,
    name: row.name,
    metadataDocument: row.metadata_document,
    createDate: row.create_date,
    validUntil: row.valid_until,
  };
}

export class PostgresIdentityProviderRepository implements IdentityProviderRepository {
  constructor(private readonly sql: Sql) {}

  async getOidc(arn: string): Promise<OidcProviderRecord | undefined> {
    const row = await this.sql.row<OidcRow>('SELECT * FROM oidc_providers WHERE arn = $1', [arn]);
    return row && oidcRecord(row);
  }

  async putOidc(p: OidcProviderRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO oidc_providers (arn, url, client_ids, thumbprints, create_date) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (arn) DO UPDATE SET url = excluded.url, client_ids = excluded.client_ids, thumbprints = excluded.thumbprints`,
      [p.arn, p.url, JSON.stringify(p.clientIds), JSON.stringify(p.thumbprints), p.createDate],
    );
  }

  async deleteOidc(arn: string): Promise<void> {
    await this.sql.run('DELETE FROM oidc_providers WHERE arn = $1', [arn]);
  }

  async listOidc(): Promise<OidcProviderRecord[]> {
    return (await this.sql.rows<OidcRow>('SELECT * FROM oidc_providers ORDER BY arn')).map(oidcRecord);
  }

  async getSaml(arn: string): Promise<SamlProviderRecord | undefined> {
    const row = await this.sql.row<SamlRow>('SELECT * FROM saml_providers WHERE arn = $1', [arn]);
    return row && samlRecord(row);
  }

  async putSaml(p: SamlProviderRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO saml_providers (arn, name, metadata_document, create_date, valid_until) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (arn) DO UPDATE SET metadata_document = excluded.metadata_document, valid_until = excluded.valid_until`,
      [p.arn, p.name, p.metadataDocument, p.createDate, p.validUntil],
    );
  }

  async deleteSaml(arn: string): Promise<void> {
    await this.sql.run('DELETE FROM saml_providers WHERE arn = $1', [arn]);
  }

  async listSaml(): Promise<SamlProviderRecord[]> {
    return (await this.sql.rows<SamlRow>('SELECT * FROM saml_providers ORDER BY arn')).map(samlRecord);
  }
}
