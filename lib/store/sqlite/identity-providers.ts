// SQLite implementation of the identity provider repository (OIDC and SAML providers).
import type { SqliteDatabase } from './database';
import type { IdentityProviderRepository, OidcProviderRecord, SamlProviderRecord } from '../identity-providers';
import { toOidcProviderRecord, toSamlProviderRecord, type OidcProviderRow, type SamlProviderRow } from '../rows/identity-providers';

export class SqliteIdentityProviderRepository implements IdentityProviderRepository {
  private readonly oidcGet;
  private readonly oidcPut;
  private readonly oidcDelete;
  private readonly oidcList;
  private readonly samlGet;
  private readonly samlPut;
  private readonly samlDelete;
  private readonly samlList;

  constructor(db: SqliteDatabase) {
    this.oidcGet = db.prepare<[string], OidcProviderRow>('SELECT * FROM oidc_providers WHERE arn = ?');
    this.oidcPut = db.prepare(
      `INSERT INTO oidc_providers (arn, url, client_ids, thumbprints, create_date) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (arn) DO UPDATE SET url = excluded.url, client_ids = excluded.client_ids, thumbprints = excluded.thumbprints`,
    );
    this.oidcDelete = db.prepare('DELETE FROM oidc_providers WHERE arn = ?');
    this.oidcList = db.prepare<[], OidcProviderRow>('SELECT * FROM oidc_providers ORDER BY arn');
    this.samlGet = db.prepare<[string], SamlProviderRow>('SELECT * FROM saml_providers WHERE arn = ?');
    this.samlPut = db.prepare(
      `INSERT INTO saml_providers (arn, name, metadata_document, create_date, valid_until) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (arn) DO UPDATE SET metadata_document = excluded.metadata_document, valid_until = excluded.valid_until`,
    );
    this.samlDelete = db.prepare('DELETE FROM saml_providers WHERE arn = ?');
    this.samlList = db.prepare<[], SamlProviderRow>('SELECT * FROM saml_providers ORDER BY arn');
  }

  async getOidc(arn: string): Promise<OidcProviderRecord | undefined> {
    const row = this.oidcGet.get(arn);
    return row && toOidcProviderRecord(row);
  }

  async putOidc(p: OidcProviderRecord): Promise<void> {
    this.oidcPut.run(p.arn, p.url, JSON.stringify(p.clientIds), JSON.stringify(p.thumbprints), p.createDate);
  }

  async deleteOidc(arn: string): Promise<void> {
    this.oidcDelete.run(arn);
  }

  async listOidc(): Promise<OidcProviderRecord[]> {
    return this.oidcList.all().map(toOidcProviderRecord);
  }

  async getSaml(arn: string): Promise<SamlProviderRecord | undefined> {
    const row = this.samlGet.get(arn);
    return row && toSamlProviderRecord(row);
  }

  async putSaml(p: SamlProviderRecord): Promise<void> {
    this.samlPut.run(p.arn, p.name, p.metadataDocument, p.createDate, p.validUntil);
  }

  async deleteSaml(arn: string): Promise<void> {
    this.samlDelete.run(arn);
  }

  async listSaml(): Promise<SamlProviderRecord[]> {
    return this.samlList.all().map(toSamlProviderRecord);
  }
}
