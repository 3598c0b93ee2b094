// Root layout of the Gatehouse console.
import type { ReactNode } from 'react';
import './globals.css';

export const metadata = { title: 'Gatehouse', description: 'AWS-compatible IAM, locally' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">{children}</body>
    </html>
  );
}
