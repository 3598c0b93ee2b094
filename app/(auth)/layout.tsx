// Pages outside the console shell (sign-in, forced password change): a centred card. No loading.tsx here on
// purpose: these pages are small, and without a Suspense boundary they arrive whole instead of streaming a hidden
// copy of the form that React reveals later (a page with two password fields, one hidden, for a moment).
import type { ReactNode } from 'react';
import { ThemeToggle } from '@/components/shell/theme-toggle';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <div className="flex justify-end p-3">
        <ThemeToggle />
      </div>
      <main id="main-content" className="flex flex-1 items-start justify-center px-4 pb-16 pt-4 sm:pt-12">
        <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          {children}
        </div>
      </main>
    </div>
  );
}
