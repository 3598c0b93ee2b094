// SQLite implementation of the credential report repository (table credential_reports, one row).
import type { SqliteDatabase } from './database';
import type { CredentialReportRecord, CredentialReportRepository } from '../credential-reports';

export class SqliteCredentialReportRepository implements CredentialReportRepository {
  private readonly getStatement;
  private readonly putStatement;

  constructor(db: SqliteDatabase) {
    this.getStatement = db.prepare<[], { generated_time: string; content: string }>(
      'SELECT generated_time, content FROM credential_reports WHERE id = 1',
    );
    this.putStatement = db.prepare(
      `INSERT INTO credential_reports (id, generated_time, content) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET generated_time = excluded.generated_time, content = excluded.content`,
    );
  }

  async get(): Promise<CredentialReportRecord | undefined> {
    const row = this.getStatement.get();
    return row && { generatedTime: row.generated_time, content: row.content };
  }

  async put(report: CredentialReportRecord): Promise<void> {
    this.putStatement.run(report.generatedTime, report.content);
  }
}
