'use client';
// The frame every IAM entity's detail page shares: read the entity, show loading or the API's error, then a
// breadcrumb, the heading with its facts, and the sections as tabs kept in the URL. Also the "Delete <entity>"
// section whose confirmation lists the dependents AWS requires to go first.
import type { ReactNode } from 'react';
import { ConfirmDialog, DependentList } from '@/components/policies/confirm-dialog';
import { useUrlState } from '@/components/policies/use-url-state';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Breadcrumb, Facts } from '@/components/ui/breadcrumb';
import { actionErrorOf, useActionQuery } from '@/components/ui/query';
import { LoadingBlock } from '@/components/ui/spinner';
import { Tabs, type TabItem } from '@/components/ui/tabs';
import type { ActionError, ActionResult } from '@/lib/console/result';

/** What a detail page shows once its entity is read. */
export interface DetailView {
  /** The entity's name, in the breadcrumb. */
  name: string;
  /** The heading's content; the name when absent. */
  heading?: ReactNode;
  description?: ReactNode;
  facts: Array<{ label: string; value: ReactNode; mono?: boolean; testId?: string }>;
  /** Shown between the heading and the tabs (e.g. a notice that the entity is protected). */
  notice?: ReactNode;
  tabs: TabItem[];
}

/** Reads one entity with `read(input)` under `queryKey` and frames what `render` makes of it. */
export function DetailPage<Input, Data>({
  queryKey,
  read,
  input,
  loadingLabel,
  section,
  tabsLabel,
  defaultTab,
  render,
}: {
  queryKey: unknown[];
  read: (input: Input) => Promise<ActionResult<Data>>;
  input: Input;
  loadingLabel: string;
  /** The list page the breadcrumb leads back to. */
  section: { label: string; href: string };
  tabsLabel: string;
  defaultTab: string;
  render: (data: Data) => DetailView;
}) {
  const [tab, setTab] = useUrlState('tab', defaultTab);
  const query = useActionQuery(queryKey, read, input);
  if (query.isPending) return <LoadingBlock label={loadingLabel} />;
  if (query.isError) return <ErrorState error={actionErrorOf(query.error)!} />;
  const view = render(query.data);
  return (
    <div className="space-y-4">
      <Breadcrumb items={[section, { label: view.name }]} />
      <div>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">{view.heading ?? view.name}</h1>
        {view.description && <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-300">{view.description}</p>}
        <div className="mt-2">
          <Facts items={view.facts} />
        </div>
      </div>
      {view.notice}
      <Tabs label={tabsLabel} selected={tab} onSelect={setTab} items={view.tabs} />
    </div>
  );
}

/**
 * The "Delete <entity>" section and its confirmation. `dependents` are listed in the dialog as what goes first
 * (AWS deletes an entity only once nothing depends on it); `body` replaces that list when deletion works otherwise.
 */
export function DeleteSection({
  headingId,
  heading,
  buttonLabel,
  open,
  onOpen,
  onClose,
  title,
  confirmLabel,
  onConfirm,
  pending,
  error,
  intro,
  dependents,
  body,
  children,
}: {
  headingId: string;
  heading: string;
  buttonLabel: string;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  pending: boolean;
  error: ActionError | undefined;
  intro: ReactNode;
  dependents: Array<{ label: string; items: string[] }>;
  body?: ReactNode;
  /** Shown in the section above the button. */
  children?: ReactNode;
}) {
  const none = dependents.every((d) => d.items.length === 0);
  return (
    <>
      <section aria-labelledby={headingId} className="space-y-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {heading}
        </h2>
        {children}
        <Button variant="danger" onClick={onOpen}>
          {buttonLabel}
        </Button>
      </section>
      <ConfirmDialog
        open={open}
        onClose={onClose}
        title={title}
        confirmLabel={confirmLabel}
        pending={pending}
        error={error}
        onConfirm={onConfirm}
      >
        {body ?? (
          <>
            {intro}
            {dependents.map((d) => (
              <DependentList key={d.label} label={d.label} items={d.items} />
            ))}
            {none && <p>Nothing else depends on it.</p>}
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
