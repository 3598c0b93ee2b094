// The trail above a detail page (Users / path, Groups / name …): links back to the lists it came from.
import Link from 'next/link';
import { Fragment } from 'react';

export function Breadcrumb({ items }: { items: Array<{ label: string; href?: string }> }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol className="flex flex-wrap items-center gap-x-1">
        {items.map((item, i) => (
          <Fragment key={`${i}-${item.label}`}>
            {i > 0 && (
              <li aria-hidden className="text-slate-500">
                /
              </li>
            )}
            <li className="break-all">
              {item.href ? (
                <Link className="underline" href={item.href}>
                  {item.label}
                </Link>
              ) : (
                <span aria-current="page">{item.label}</span>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}

/** Label/value facts under a detail page's title (ARN, path, created); long values wrap. */
export function Facts({ items }: { items: Array<{ label: string; value: React.ReactNode; mono?: boolean; testId?: string }> }) {
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-0.5 text-sm">
      {items.map((item) => (
        <Fragment key={item.label}>
          <dt className="text-slate-600 dark:text-slate-400">{item.label}</dt>
          <dd className={item.mono ? 'break-all font-mono text-xs leading-5' : undefined} data-testid={item.testId}>
            {item.value}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}
