// /sign-in/<account ID or alias>: the account's own sign-in address, with the account filled in (like
// https://<account>.signin.aws.amazon.com/console).
import { notFound } from 'next/navigation';
import { SignInPage } from '@/components/sign-in/sign-in-page';

export const metadata = { title: 'Sign in' };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ account: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { account } = await params;
  const decoded = decodeURIComponent(account);
  if (!/^(\d{12}|[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9])$/.test(decoded)) notFound();
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return <SignInPage account={decoded} reason={one(query.reason)} error={one(query.error)} />;
}
