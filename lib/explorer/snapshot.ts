// GetAccountAuthorizationDetails pages → AccountSnapshot: decoded documents, every policy version (the default one
// also as the policy's document), sorted names.
import type { GetAccountAuthorizationDetailsResponse, PolicyDetail, Tag } from '@aws-sdk/client-iam';
import type { AccountSnapshot, CredentialReport, CredentialReportRow, SnapshotInlinePolicy, SnapshotManagedPolicy } from './types';

/** A policy document as IAM returns it (URL-encoded JSON) as plain text; already-plain text is kept. */
export function decodeDocument(document: string | undefined): string {
  if (!document) return '';
  if (document.trimStart().startsWith('{')) return document;
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}

function inline(list: PolicyDetail[] | undefined): SnapshotInlinePolicy[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? '', document: decodeDocument(p.PolicyDocument) }));
}

function tags(list: Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of list ?? []) if (tag.Key) out[tag.Key] = tag.Value ?? '';
  return out;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Builds the snapshot from every page of the response. The partition is read from the caller's ARN. */
export function snapshotFromPages(
  pages: GetAccountAuthorizationDetailsResponse[],
  options: { accountId: string; principalArn: string; readAt: string },
): AccountSnapshot {
  const snapshot: AccountSnapshot = {
    accountId: options.accountId,
    partition: options.principalArn.split(':')[1] || 'aws',
    users: [],
    groups: [],
    roles: [],
    policies: [],
    readAt: options.readAt,
  };
  const seenPolicies = new Set<string>();
  for (const page of pages) {
    for (const u of page.UserDetailList ?? []) {
      snapshot.users.push({
        name: u.UserName ?? '',
        id: u.UserId ?? '',
        arn: u.Arn ?? '',
        path: u.Path ?? '/',
        groups: [...(u.GroupList ?? [])],
        inline: inline(u.UserPolicyList),
        attached: (u.AttachedManagedPolicies ?? []).map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' })),
        boundaryArn: u.PermissionsBoundary?.PermissionsBoundaryArn || undefined,
        tags: tags(u.Tags),
      });
    }
    for (const g of page.GroupDetailList ?? []) {
      snapshot.groups.push({
        name: g.GroupName ?? '',
        id: g.GroupId ?? '',
        arn: g.Arn ?? '',
        path: g.Path ?? '/',
        inline: inline(g.GroupPolicyList),
        attached: (g.AttachedManagedPolicies ?? []).map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' })),
      });
    }
    for (const r of page.RoleDetailList ?? []) {
      snapshot.roles.push({
        name: r.RoleName ?? '',
        id: r.RoleId ?? '',
        arn: r.Arn ?? '',
        path: r.Path ?? '/',
        trustPolicy: decodeDocument(r.AssumeRolePolicyDocument),
        inline: inline(r.RolePolicyList),
        attached: (r.AttachedManagedPolicies ?? []).map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' })),
        boundaryArn: r.PermissionsBoundary?.PermissionsBoundaryArn || undefined,
        tags: tags(r.Tags),
        lastUsed: r.RoleLastUsed?.LastUsedDate ? new Date(r.RoleLastUsed.LastUsedDate).toISOString() : undefined,
        created: r.CreateDate ? new Date(r.CreateDate).toISOString() : undefined,
      });
    }
    for (const p of page.Policies ?? []) {
      if (!p.Arn || seenPolicies.has(p.Arn)) continue;
      const version =
        (p.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion) ??
        (p.PolicyVersionList ?? []).find((v) => v.VersionId === p.DefaultVersionId);
      seenPolicies.add(p.Arn);
      const policy: SnapshotManagedPolicy = {
        name: p.PolicyName ?? '',
        arn: p.Arn,
        path: p.Path ?? '/',
        document: decodeDocument(version?.Document),
        defaultVersionId: version?.VersionId ?? p.DefaultVersionId,
        // AWS managed policies: the default only (their history is long and large, and no account can set it back).
        versions: (p.Arn.includes(':aws:policy/') ? (version ? [version] : []) : (p.PolicyVersionList ?? [])).map((v) => ({
          versionId: v.VersionId ?? '',
          document: decodeDocument(v.Document),
          isDefault: v === version,
          created: v.CreateDate ? new Date(v.CreateDate).toISOString() : undefined,
        })),
      };
      snapshot.policies.push(policy);
    }
  }
  snapshot.users.sort(byName);
  snapshot.groups.sort(byName);
  snapshot.roles.sort(byName);
  snapshot.policies.sort(byName);
  return snapshot;
}

/** A CSV line split into fields (AWS's report quotes no field, but quoted fields are read too). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

const dateOf = (value: string | undefined) => (value && /^\d{4}-/.test(value) ? value : undefined);

/** Reads GetCredentialReport's CSV (AWS's column names; the root account's line is left out). */
export function parseCredentialReport(csv: string, generatedAt: string): CredentialReport {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return { error: 'The credential report is empty.' };
  const header = csvFields(lines[0]);
  const column = (name: string) => header.indexOf(name);
  if (column('user') < 0 || column('arn') < 0) return { error: "The credential report does not have AWS's columns." };
  const rows: CredentialReportRow[] = [];
  for (const line of lines.slice(1)) {
    const f = csvFields(line);
    const get = (name: string) => (column(name) >= 0 ? f[column(name)] : undefined);
    if (get('user') === '<root_account>') continue;
    rows.push({
      user: get('user') ?? '',
      arn: get('arn') ?? '',
      userCreationTime: dateOf(get('user_creation_time')),
      passwordEnabled: get('password_enabled') === 'true',
      passwordLastUsed: dateOf(get('password_last_used')),
      mfaActive: get('mfa_active') === 'true',
      accessKeys: [1, 2].map((n) => ({
        active: get(`access_key_${n}_active`) === 'true',
        lastRotated: dateOf(get(`access_key_${n}_last_rotated`)),
        lastUsed: dateOf(get(`access_key_${n}_last_used_date`)),
      })),
    });
  }
  return { generatedAt, rows };
}
