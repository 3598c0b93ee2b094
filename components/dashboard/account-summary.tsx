// Dashboard: the account's IAM resources and quotas (iam:GetAccountSummary).
import type { IAMClient } from '@aws-sdk/client-iam';
import { ErrorState } from '@/components/ui/error-state';
import { readAccountSummary } from '@/lib/console/account-summary';

const FIGURES: Array<{ key: string; quota?: string; label: string; href?: string }> = [
  { key: 'Users', quota: 'UsersQuota', label: 'Users', href: '/users' },
  { key: 'Groups', quota: 'GroupsQuota', label: 'Groups', href: '/groups' },
  { key: 'Roles', quota: 'RolesQuota', label: 'Roles', href: '/roles' },
  { key: 'Policies', quota: 'PoliciesQuota', label: 'Customer managed policies', href: '/policies' },
  { key: 'InstanceProfiles', quota: 'InstanceProfilesQuota', label: 'Instance profiles' },
  { key: 'MFADevices', label: 'MFA devices' },
];

export async function AccountSummary({ iam }: { iam: IAMClient }) {
  const result = await readAccountSummary(iam);
  if (!result.ok) return <ErrorState error={result.error} title="The account summary could not be read" />;
  const map = result.data;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6" data-testid="account-summary">
      {FIGURES.map((f) => (
        <div key={f.key} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <dt className="text-sm text-slate-600 dark:text-slate-300">
            {f.href ? (
              <a className="hover:underline" href={f.href}>
                {f.label}
              </a>
            ) : (
              f.label
            )}
          </dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">
            {map[f.key] ?? 0}
            {f.quota && map[f.quota] !== undefined && (
              <span className="ml-1 text-sm font-normal text-slate-500 dark:text-slate-400">/ {map[f.quota]}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
