// Security recommendations as AWS's IAM dashboard gives them, computed from the account summary, the credential
// report and the password policy. Pure: the data comes in, the findings go out.
import type { CredentialReportRow } from './credential-report';

export type Severity = 'high' | 'medium' | 'low';

/** Something an administrator should fix, with the identities concerned. */
export interface Recommendation {
  id: 'root-mfa' | 'root-access-keys' | 'users-without-mfa' | 'old-access-keys' | 'unused-credentials' | 'no-password-policy';
  severity: Severity;
  title: string;
  detail: string;
  subjects: Array<{ name: string; arn: string; note?: string }>;
}

export interface RecommendationInput {
  summary?: Record<string, number>;
  report?: CredentialReportRow[];
  /** true: a policy exists; false: NoSuchEntity; undefined: not known. */
  hasPasswordPolicy?: boolean;
  now: Date;
  /** Age threshold in days (AWS uses 90). */
  days?: number;
}

const ROOT = '<root_account>';

function date(value: string | undefined): Date | undefined {
  if (!value || value === 'N/A' || value === 'no_information' || value === 'not_supported') return undefined;
  const t = Date.parse(value);
  return Number.isFinite(t) ? new Date(t) : undefined;
}

const yes = (value: string | undefined) => value === 'true';

/** Computes the recommendations that apply; what cannot be known (missing input) is not guessed. */
export function computeRecommendations(input: RecommendationInput): Recommendation[] {
  const days = input.days ?? 90;
  const cutoff = input.now.getTime() - days * 24 * 60 * 60 * 1000;
  const older = (d: Date | undefined) => d !== undefined && d.getTime() < cutoff;
  const out: Recommendation[] = [];
  const rows = input.report ?? [];
  const root = rows.find((r) => r.user === ROOT);
  const users = rows.filter((r) => r.user !== ROOT);

  const rootMfa = input.summary?.AccountMFAEnabled ?? (root ? (yes(root.mfa_active) ? 1 : 0) : undefined);
  if (rootMfa === 0) {
    out.push({
      id: 'root-mfa',
      severity: 'high',
      title: 'Add MFA for the root user',
      detail: 'The root user can do anything in the account. Protect it with a multi-factor authentication device.',
      subjects: [],
    });
  }
  const rootKeys =
    input.summary?.AccountAccessKeysPresent ??
    (root ? (yes(root.access_key_1_active) || yes(root.access_key_2_active) ? 1 : 0) : undefined);
  if (rootKeys === 1) {
    out.push({
      id: 'root-access-keys',
      severity: 'high',
      title: 'Remove the root user’s access keys',
      detail: 'Access keys of the root user give unrestricted programmatic access. Use IAM users or roles instead.',
      subjects: [],
    });
  }
  if (input.report) {
    const noMfa = users.filter((r) => yes(r.password_enabled) && !yes(r.mfa_active));
    if (noMfa.length) {
      out.push({
        id: 'users-without-mfa',
        severity: 'medium',
        title: `${noMfa.length} user${noMfa.length === 1 ? '' : 's'} with console access but no MFA`,
        detail: 'Users who sign in with a password should also use an MFA device.',
        subjects: noMfa.map((r) => ({ name: r.user!, arn: r.arn! })),
      });
    }
    const oldKeys: Recommendation['subjects'] = [];
    const unused: Recommendation['subjects'] = [];
    for (const r of rows) {
      for (const n of [1, 2]) {
        if (!yes(r[`access_key_${n}_active`])) continue;
        const rotated = date(r[`access_key_${n}_last_rotated`]);
        if (older(rotated))
          oldKeys.push({ name: r.user!, arn: r.arn!, note: `access key ${n} created ${rotated!.toISOString().slice(0, 10)}` });
        const used = date(r[`access_key_${n}_last_used_date`]);
        if (used ? older(used) : older(rotated))
          unused.push({
            name: r.user!,
            arn: r.arn!,
            note: `access key ${n} ${used ? `last used ${used.toISOString().slice(0, 10)}` : 'never used'}`,
          });
      }
      if (r.user !== ROOT && yes(r.password_enabled)) {
        const used = date(r.password_last_used);
        const since = used ?? date(r.password_last_changed) ?? date(r.user_creation_time);
        if (older(since))
          unused.push({
            name: r.user!,
            arn: r.arn!,
            note: used ? `password last used ${used.toISOString().slice(0, 10)}` : 'password never used',
          });
      }
    }
    if (oldKeys.length) {
      out.push({
        id: 'old-access-keys',
        severity: 'medium',
        title: `${oldKeys.length} active access key${oldKeys.length === 1 ? '' : 's'} older than ${days} days`,
        detail: 'Rotate access keys regularly: create a new key, move its users to it, then deactivate and delete the old one.',
        subjects: oldKeys,
      });
    }
    if (unused.length) {
      out.push({
        id: 'unused-credentials',
        severity: 'low',
        title: `${unused.length} credential${unused.length === 1 ? '' : 's'} unused for ${days} days`,
        detail: 'Credentials nobody uses are a risk with no benefit. Deactivate or remove them.',
        subjects: unused,
      });
    }
  }
  if (input.hasPasswordPolicy === false) {
    out.push({
      id: 'no-password-policy',
      severity: 'medium',
      title: 'Set an account password policy',
      detail: 'Without a password policy, IAM users may choose short or simple passwords.',
      subjects: [],
    });
  }
  return out;
}
