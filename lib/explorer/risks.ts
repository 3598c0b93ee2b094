// Risks of an account, each with the principal, why, and where to fix it: admin-equivalent users without MFA,
// users with both console and key access, unused credentials and roles (last-used data), and roles whose trust
// policy admits other accounts or anyone.
import { keyId, type PrincipalKey } from './assume';
import type { CompiledAccount } from './compile-account';
import type { EscalationAnalysis } from './escalation';
import type { CredentialReportRow, EntityRef } from './types';

export type RiskKind =
  | 'admin-without-mfa'
  | 'console-and-keys'
  | 'unused-password'
  | 'unused-access-key'
  | 'unused-role'
  | 'trusts-anyone'
  | 'trusts-other-account';

export interface Risk {
  kind: RiskKind;
  severity: 'high' | 'medium' | 'low';
  principal: EntityRef;
  detail: string;
  /** Where to fix it: the console page (and tab) of the principal, and what to do there. */
  fix: { label: string; href: string };
}

export interface RiskReport {
  risks: Risk[];
  /** Checks that could not be made, and why (no credential report, no last-used data). */
  notChecked: string[];
}

export const RISK_TITLES: Record<RiskKind, string> = {
  'admin-without-mfa': 'Admin-equivalent user without MFA',
  'console-and-keys': 'User with both console and access-key access',
  'unused-password': 'Console password not used recently',
  'unused-access-key': 'Active access key not used recently',
  'unused-role': 'Role not used recently',
  'trusts-anyone': 'Role trusting anyone (*)',
  'trusts-other-account': 'Role trusting another account',
};

const DAY_MS = 24 * 60 * 60 * 1000;

const userHref = (name: string, tab?: string) => `/users/${encodeURIComponent(name)}${tab ? `?tab=${tab}` : ''}`;
const roleHref = (name: string, tab?: string) => `/roles/${encodeURIComponent(name)}${tab ? `?tab=${tab}` : ''}`;

/** Finds the risks; `now` and `unusedDays` are inputs so the answer is deterministic. */
export function findRisks(account: CompiledAccount, analysis: EscalationAnalysis | undefined, now: Date, unusedDays = 90): RiskReport {
  const { snapshot } = account;
  const risks: Risk[] = [];
  const notChecked: string[] = [];
  const cutoff = now.getTime() - unusedDays * DAY_MS;
  const stale = (used: string | undefined, created: string | undefined) => {
    const at = used ?? created;
    return at !== undefined && Date.parse(at) < cutoff;
  };
  const report = snapshot.credentialReport;
  const rows = new Map<string, CredentialReportRow>();
  if (report && 'rows' in report) for (const row of report.rows) rows.set(row.user, row);
  else
    notChecked.push(
      `MFA, console and access-key checks need the credential report${report && 'error' in report ? `: ${report.error}` : ''}.`,
    );

  if (rows.size > 0) {
    snapshot.users.forEach((user, index) => {
      const row = rows.get(user.name);
      if (!row) return;
      const key: PrincipalKey = { kind: 'user', index };
      const ref: EntityRef = { type: 'user', name: user.name };
      const activeKeys = row.accessKeys.filter((k) => k.active);
      if (analysis?.admins.has(keyId(key)) && !row.mfaActive) {
        risks.push({
          kind: 'admin-without-mfa',
          severity: 'high',
          principal: ref,
          detail: `${analysis.admins.get(keyId(key))!.text}, and no MFA device is active.`,
          fix: { label: 'Assign an MFA device', href: userHref(user.name, 'security') },
        });
      }
      if (row.passwordEnabled && activeKeys.length > 0) {
        risks.push({
          kind: 'console-and-keys',
          severity: 'medium',
          principal: ref,
          detail: `A console password and ${activeKeys.length} active access key${activeKeys.length > 1 ? 's' : ''}.`,
          fix: { label: 'Remove the password or the keys', href: userHref(user.name, 'security') },
        });
      }
      if (row.passwordEnabled && stale(row.passwordLastUsed, row.userCreationTime)) {
        risks.push({
          kind: 'unused-password',
          severity: 'low',
          principal: ref,
          detail: row.passwordLastUsed ? `Last used ${row.passwordLastUsed.slice(0, 10)}.` : 'Never used.',
          fix: { label: 'Delete the console password', href: userHref(user.name, 'security') },
        });
      }
      row.accessKeys.forEach((k, i) => {
        if (k.active && stale(k.lastUsed, k.lastRotated)) {
          risks.push({
            kind: 'unused-access-key',
            severity: 'low',
            principal: ref,
            detail: `Access key ${i + 1}: ${k.lastUsed ? `last used ${k.lastUsed.slice(0, 10)}` : 'never used'}.`,
            fix: { label: 'Deactivate the key', href: userHref(user.name, 'security') },
          });
        }
      });
    });
  }

  let roleDates = 0;
  account.roles.forEach((role, index) => {
    const snap = snapshot.roles[index];
    const ref: EntityRef = { type: 'role', name: snap.name };
    if (snap.lastUsed !== undefined || snap.created !== undefined) roleDates++;
    if (!snap.path.startsWith('/aws-service-role/') && stale(snap.lastUsed, snap.created)) {
      risks.push({
        kind: 'unused-role',
        severity: 'low',
        principal: ref,
        detail: snap.lastUsed ? `Last used ${snap.lastUsed.slice(0, 10)}.` : `Never used since ${snap.created!.slice(0, 10)}.`,
        fix: { label: 'Delete the role', href: roleHref(snap.name) },
      });
    }
    const trust = account.trust[index];
    if (!trust) return;
    const others = new Set<string>();
    let anyone = false;
    for (const statement of trust.allowStatements) {
      const p = statement.principal;
      if (!p) continue;
      if (p.any || statement.notPrincipal) anyone = true;
      for (const accountId of p.accounts) if (accountId !== snapshot.accountId) others.add(accountId);
      for (const arn of p.arns) {
        const accountId = arn.split(':')[4];
        if (accountId && /^\d{12}$/.test(accountId) && accountId !== snapshot.accountId) others.add(accountId);
      }
    }
    const conditional = trust.allowStatements.some((s) => s.conditions.length > 0);
    if (anyone) {
      risks.push({
        kind: 'trusts-anyone',
        severity: conditional ? 'medium' : 'high',
        principal: ref,
        detail: `The trust policy admits any principal${conditional ? ' (under conditions)' : ''}.`,
        fix: { label: 'Edit the trust policy', href: roleHref(snap.name, 'trust') },
      });
    }
    if (others.size > 0) {
      risks.push({
        kind: 'trusts-other-account',
        severity: conditional ? 'low' : 'medium',
        principal: ref,
        detail: `Trusts ${[...others].sort().join(', ')}${conditional ? ' (under conditions)' : ''}.`,
        fix: { label: 'Review the trust policy', href: roleHref(snap.name, 'trust') },
      });
    }
  });
  if (account.roles.length > 0 && roleDates === 0)
    notChecked.push('Unused roles need RoleLastUsed or CreateDate, which the authorization details did not include.');
  const order = { high: 0, medium: 1, low: 2 };
  risks.sort(
    (a, b) => order[a.severity] - order[b.severity] || a.kind.localeCompare(b.kind) || a.principal.name.localeCompare(b.principal.name),
  );
  return { risks, notChecked };
}
