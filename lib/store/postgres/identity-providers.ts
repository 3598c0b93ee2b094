// PostgreSQL implementation of the identity provider repository (OIDC and SAML providers).
import type { IdentityProviderRepository, OidcProviderRecord, SamlProviderRecord } from '../identity-providers';
import type { Sql } from './sql';
import { toOidcProviderRecord, toSamlProviderRecord, type OidcProviderRow, type SamlProviderRow } from '../rows/identity-providers';

export class PostgresIdentityProviderRepository implements IdentityProviderRepository {
  constructor(private readonly sql: Sql) {}

  async getOidc(arn: string): Promise<OidcProviderRecord | undefined> {
    const row = await this.sql.row<OidcProviderRow>('SELECT * FROM oidc_providers WHERE arn = $1', [arn]);
    return row && toOidcProviderRecord(row);
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
    return (await this.sql.rows<OidcProviderRow>('SELECT * FROM oidc_providers ORDER BY arn')).map(toOidcProviderRecord);
  }

  async getSaml(arn: string): Promise<SamlProviderRecord | undefined> {
    const row = await this.sql.row<SamlProviderRow>('SELECT * FROM saml_providers WHERE arn = $1', [arn]);
    return row && toSamlProviderRecord(row);
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
    return (await this.sql.rows<SamlProviderRow>('SELECT * FROM saml_providers ORDER BY arn')).map(toSamlProviderRecord);
  }
}
