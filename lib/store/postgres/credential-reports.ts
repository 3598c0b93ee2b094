// PostgreSQL implementation of the credential report repository (table credential_reports, one row).
import type { CredentialReportRecord, CredentialReportRepository } from '../credential-reports';
import type { Sql } from './sql';

export class PostgresCredentialReportRepository implements CredentialReportRepository {
  constructor(private readonly sql: Sql) {}

  async get(): Promise<CredentialReportRecord | undefined> {
    const row = await this.sql.row<{ generated_time: string; content: string }>(
      'SELECT generated_time, content FROM credential_reports WHERE id = 1',
    );
    return row && { generatedTime: row.generated_time, content: row.content };
  }

  async put(report: CredentialReportRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO credential_reports (id, generated_time, content) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET generated_time = excluded.generated_time, content = excluded.content`,
      [report.generatedTime, report.content],
    );
  }
}
