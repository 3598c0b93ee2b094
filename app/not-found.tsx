// Any URL that matches no page.
import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main-content" className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">There is no page at this address.</p>
      <p className="mt-4">
        <Link className="underline" href="/">
          Go to the dashboard
        </Link>
      </p>
    </main>
  );
}
