'use client';
// Side navigation: the current section marked (aria-current), a spinner on the link being opened, collapsible
// on small screens.
import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { Spinner } from '@/components/ui/spinner';
import { isActive, NAV_ITEMS } from './nav-items';

function PendingMark() {
  const { pending } = useLinkStatus();
  return pending ? <Spinner size="sm" label="Opening…" /> : null;
}

export function Nav() {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <nav aria-label="Console" className="md:w-56 md:shrink-0">
      <button
        type="button"
        className="m-2 inline-flex h-9 items-center rounded-md border border-slate-300 px-3 text-sm md:hidden dark:border-slate-700"
        aria-expanded={open}
        aria-controls="console-nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        Menu
      </button>
      <ul id="console-nav-list" className={cn('space-y-0.5 p-2', open ? 'block' : 'hidden md:block')}>
        {NAV_ITEMS.map((item) => {
          const active = isActive(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                prefetch={false}
                aria-current={active ? 'page' : undefined}
                onClick={() => setOpen(false)}
                className={cn(
                  'flex items-center justify-between rounded-md px-3 py-2 text-sm',
                  active
                    ? 'bg-blue-100 font-semibold text-blue-900 dark:bg-sky-950 dark:text-sky-100'
                    : 'text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800',
                )}
              >
                {item.label}
                <PendingMark />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
