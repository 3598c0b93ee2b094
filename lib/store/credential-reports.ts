// The credential report part of the Store interface: the account's one most recent report.

export interface CredentialReportRecord {
  generatedTime: string;
  /** The CSV text. */
  content: string;
}

export interface CredentialReportRepository {
  get(): Promise<CredentialReportRecord | undefined>;
  /** Replaces the stored report. */
  put(report: CredentialReportRecord): Promise<void>;
}
