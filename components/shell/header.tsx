// The console header: account (alias / ID), the signed-in principal and its type, the target endpoint, sign-out.
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

export interface HeaderProps {
  accountId: string;
  accountAlias?: string;
  principalArn: string;
  principalType: string;
  target: string;
}

const TYPE_LABELS: Record<string, string> = {
  Root: 'Root user',
  IAMUser: 'IAM user',
  AssumedRole: 'Assumed role',
  FederatedUser: 'Federated user',
};

export function Header({ accountId, accountAlias, principalArn, principalType, target }: HeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight">
          Gatehouse
        </Link>
        <dl className="flex min-w-0 flex-1 flex-wrap items-center gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-2">
            <dt className="text-slate-600 dark:text-slate-400">Account</dt>
            <dd data-testid="header-account" className="font-mono">
              {accountAlias ? `${accountAlias} (${accountId})` : accountId}
            </dd>
          </div>
          <div className="flex min-w-0 items-center gap-2">
            <dt className="sr-only">Signed in as</dt>
            <dd className="flex min-w-0 items-center gap-2">
              <Badge tone={principalType === 'Root' ? 'warning' : 'info'}>{TYPE_LABELS[principalType] ?? principalType}</Badge>
              <span data-testid="header-principal" className="truncate font-mono text-xs" title={principalArn}>
                {principalArn}
              </span>
            </dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-600 dark:text-slate-400">Endpoint</dt>
            <dd data-testid="header-endpoint" className="font-mono text-xs leading-5">
              {target}
            </dd>
          </div>
        </dl>
        <div className="flex items-center gap-2">
          <ThemeToggle />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
