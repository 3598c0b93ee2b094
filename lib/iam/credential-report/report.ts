// The credential report: AWS's CSV of every user's (and root's) credentials, built from the store.
import type { Store } from '../../store/types';
import type { AccessKeyRecord } from '../../store/access-keys';
import type { LoginProfileRecord } from '../../store/login-profiles';
import type { UserRecord } from '../../store/users';
import { entityArn, rootArn } from '../arn';
import { loadPasswordPolicy, passwordExpiration, type PasswordPolicy } from '../password-policy/policy';
import { writeCsv } from '../../csv/write-csv';

/** AWS's columns, in AWS's order. */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

/** How long a report may be read, and how long GenerateCredentialReport reuses it: four hours. */
export const CREDENTIAL_REPORT_LIFETIME_MS = 4 * 60 * 60 * 1000;

/** Everything the report needs, gathered from the store (kept apart so the CSV format is testable without one). */
export interface CredentialReportData {
  accountId: string;
  root: { createDate: string; passwordLastUsed?: string; mfaActive: boolean; accessKeys: AccessKeyRecord[] };
  users: {
    user: UserRecord;
    loginProfile?: LoginProfileRecord;
    mfaActive: boolean;
    accessKeys: AccessKeyRecord[];
    /** The user's signing certificates, oldest first (cert_1 / cert_2 columns). */
    signingCertificates?: { status: string; uploadDate: string }[];
  }[];
  policy?: PasswordPolicy;
}

/** AWS's timestamp format in the report: `2024-05-01T12:34:56+00:00`. */
export function reportTime(iso: string | Date): string {
  const date = iso instanceof Date ? iso : new Date(iso);
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function keyColumns(key: AccessKeyRecord | undefined): string[] {
  if (!key) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  return [
    String(key.status === 'Active'),
    reportTime(key.createDate),
    key.lastUsedDate ? reportTime(key.lastUsedDate) : 'N/A',
    key.lastUsedRegion ?? 'N/A',
    key.lastUsedService ?? 'N/A',
  ];
}

const NO_CERTIFICATES = ['false', 'N/A', 'false', 'N/A'];

function certificateColumns(certificate: { status: string; uploadDate: string } | undefined): string[] {
  return certificate ? [String(certificate.status === 'Active'), reportTime(certificate.uploadDate)] : ['false', 'N/A'];
}

/** The report's CSV text: a header line, `<root_account>`, then one line per user. */
export function credentialReportCsv(data: CredentialReportData): string {
  const lines: string[][] = [[...CREDENTIAL_REPORT_COLUMNS]];
  const { root } = data;
  lines.push([
    '<root_account>',
    rootArn(data.accountId),
    reportTime(root.createDate),
    'not_supported',
    root.passwordLastUsed ? reportTime(root.passwordLastUsed) : 'no_information',
    'not_supported',
    'not_supported',
    String(root.mfaActive),
    ...keyColumns(root.accessKeys[0]),
    ...keyColumns(root.accessKeys[1]),
    ...NO_CERTIFICATES,
  ]);
  for (const { user, loginProfile, mfaActive, accessKeys, signingCertificates = [] } of data.users) {
    const changed = loginProfile ? (loginProfile.passwordChangedDate ?? loginProfile.createDate) : undefined;
    const nextRotation = passwordExpiration(changed, data.policy);
    lines.push([
      user.userName,
      entityArn(data.accountId, 'user', user.path, user.userName),
      reportTime(user.createDate),
      String(loginProfile !== undefined),
      user.passwordLastUsed ? reportTime(user.passwordLastUsed) : loginProfile ? 'no_information' : 'N/A',
      changed ? reportTime(changed) : 'N/A',
      nextRotation ? reportTime(nextRotation) : 'N/A',
      String(mfaActive),
      ...keyColumns(accessKeys[0]),
      ...keyColumns(accessKeys[1]),
      ...certificateColumns(signingCertificates[0]),
      ...certificateColumns(signingCertificates[1]),
    ]);
  }
  // User names and paths may hold commas ([\w+=,.@-]+): such fields are quoted as RFC 4180 says.
  return writeCsv(lines);
}

/** Gathers the report's data from the store. */
export async function gatherCredentialReportData(store: Store, accountId: string, now: Date): Promise<CredentialReportData> {
  const account = await store.account.get();
  const keysByUser = new Map<string | undefined, AccessKeyRecord[]>();
  for (const key of await store.accessKeys.listAll()) {
    const list = keysByUser.get(key.userId) ?? [];
    list.push(key);
    keysByUser.set(key.userId, list);
  }
  const byCreation = (a: AccessKeyRecord, b: AccessKeyRecord) => (a.createDate < b.createDate ? -1 : a.createDate > b.createDate ? 1 : 0);
  const profiles = new Map((await store.loginProfiles.listAll()).map((p) => [p.userId, p]));
  const mfaUsers = new Set<string | undefined>();
  let rootMfa = false;
  for (const device of await store.mfaDevices.listAssigned()) {
    if (device.isRoot) rootMfa = true;
    else mfaUsers.add(device.userId);
  }
  const certificatesByUser = new Map<string, { status: string; uploadDate: string }[]>();
  for (const certificate of await store.userCredentials.listAll('signing-certificate')) {
    const list = certificatesByUser.get(certificate.userId) ?? [];
    list.push({ status: certificate.status, uploadDate: certificate.createDate });
    certificatesByUser.set(certificate.userId, list);
  }
  const users: CredentialReportData['users'] = [];
  let after: string | undefined;
  do {
    const page = await store.users.list({ after, limit: 1000 });
    for (const user of page.items) {
      users.push({
        user,
        loginProfile: profiles.get(user.userId),
        mfaActive: mfaUsers.has(user.userId),
        accessKeys: (keysByUser.get(user.userId) ?? []).sort(byCreation),
        signingCertificates: certificatesByUser.get(user.userId),
      });
    }
    after = page.next;
  } while (after !== undefined);
  return {
    accountId,
    root: {
      createDate: account?.createDate ?? now.toISOString(),
      passwordLastUsed: account?.rootPasswordLastUsed,
      mfaActive: rootMfa,
      accessKeys: (keysByUser.get(undefined) ?? []).sort(byCreation),
    },
    users,
    policy: await loadPasswordPolicy(store),
  };
}
