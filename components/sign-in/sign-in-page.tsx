// The sign-in page body shared by /sign-in and /sign-in/<account>.
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { consoleEnv, describeTarget } from '@/lib/console/env';
import { getConsoleSession } from '@/lib/console/session';
import { reasonMessage, signInErrorMessage } from './messages';
import { SignInForm, type SignInMode } from './sign-in-form';

export async function SignInPage({ account, reason, error }: { account?: string; reason?: string; error?: string }) {
  if (await getConsoleSession()) redirect('/');
  const target = consoleEnv().target;
  const notice = reasonMessage(reason);
  const initialMode: SignInMode = account ? 'user' : 'root';
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Sign in to Gatehouse</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          IAM endpoint: <span className="font-mono">{describeTarget(target)}</span>
        </p>
      </div>
      {notice && <Alert tone={reason === 'expired' ? 'warning' : 'info'}>{notice}</Alert>}
      {error && !notice && <Alert tone="error">{signInErrorMessage(error)}</Alert>}
      <SignInForm initialMode={initialMode} initialAccount={account} passwordSignInAvailable={target.kind !== 'aws'} />
    </div>
  );
}
