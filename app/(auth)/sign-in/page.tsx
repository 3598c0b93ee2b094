// /sign-in: root user, IAM user or access keys.
import { SignInPage } from '@/components/sign-in/sign-in-page';

export const metadata = { title: 'Sign in' };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return <SignInPage reason={one(params.reason)} error={one(params.error)} />;
}
