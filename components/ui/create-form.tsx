'use client';
// The one way to create a user, group or role: a page of its own (as AWS has), with a breadcrumb back to the list,
// name and path checked in the browser in plain words before anything is sent, and the service's refusal shown
// once — at the field it names, or above the buttons.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ActionError } from '@/lib/console/result';
import { Breadcrumb } from './breadcrumb';
import { buttonClass, Button } from './button';
import { ErrorState } from './error-state';
import { Input } from './input';
import { nameProblem, pathProblem } from './iam-rules';

export type CreatableKind = 'user' | 'group' | 'role';

const LIST = {
  user: { label: 'Users', href: '/users' },
  group: { label: 'Groups', href: '/groups' },
  role: { label: 'Roles', href: '/roles' },
} as const;
const NAME_HINT = {
  user: 'Up to 64 letters, digits and + = , . @ _ -',
  group: 'Up to 128 letters, digits and + = , . @ _ -',
  role: 'Up to 64 letters, digits and + = , . @ _ -',
} as const;

/** The page frame of a create form: breadcrumb, title, what it does. */
export function CreatePage({ kind, description, children }: { kind: CreatableKind; description: ReactNode; children: ReactNode }) {
  const title = `Create ${kind}`;
  return (
    <div className="space-y-4">
      <Breadcrumb items={[LIST[kind], { label: title }]} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-300">{description}</p>
      </div>
      {children}
    </div>
  );
}

/** Browser-side problems of a name and a path, by field ("name", "path"). */
export function nameAndPathProblems(kind: CreatableKind, name: string, path: string): { name?: string; path?: string } {
  return { name: nameProblem(name.trim(), kind), path: pathProblem(path.trim() || '/') };
}

/**
 * Name and path inputs. `shown` problems are the browser's (after a first submit); `serviceError` is the service's
 * refusal, shown at the field it names (`nameField`/"path") and nowhere else.
 */
export function NameAndPathFields({
  kind,
  name,
  onName,
  path,
  onPath,
  problems,
  serviceError,
  nameField,
  disabled,
}: {
  kind: CreatableKind;
  name: string;
  onName: (value: string) => void;
  path: string;
  onPath: (value: string) => void;
  problems: { name?: string; path?: string };
  serviceError?: ActionError;
  nameField: string;
  disabled?: boolean;
}) {
  const label = `${kind[0]!.toUpperCase()}${kind.slice(1)} name`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Input
        label={label}
        value={name}
        required
        maxLength={kind === 'group' ? 128 : 64}
        disabled={disabled}
        onChange={(e) => onName(e.target.value)}
        hint={NAME_HINT[kind]}
        error={problems.name ?? (serviceError?.field === nameField ? serviceError.message : undefined)}
        autoFocus
      />
      <Input
        label="Path"
        value={path}
        disabled={disabled}
        onChange={(e) => onPath(e.target.value)}
        hint="Optional. Starts and ends with /, e.g. /engineering/backend/ (just / for none)."
        error={problems.path ?? (serviceError?.field === 'path' ? serviceError.message : undefined)}
      />
    </div>
  );
}

/** The buttons under a create form, with the service's refusal above them when no field shows it. */
export function CreateFooter({
  kind,
  pending,
  submitLabel,
  serviceError,
  fieldsShown,
  disabled,
  extra,
}: {
  kind: CreatableKind;
  pending: boolean;
  submitLabel?: string;
  serviceError?: ActionError & { stage?: string };
  /** Fields that show the service's error themselves. */
  fieldsShown: string[];
  disabled?: boolean;
  extra?: ReactNode;
}) {
  return (
    <div className="space-y-3">
      {serviceError && !fieldsShown.includes(serviceError.field ?? '') && (
        <ErrorState error={serviceError} title={serviceError.stage ?? `The ${kind} was not created`} />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending} disabled={disabled}>
          {submitLabel ?? `Create ${kind}`}
        </Button>
        <Link className={buttonClass('secondary')} href={LIST[kind].href}>
          Cancel
        </Link>
        {extra}
      </div>
    </div>
  );
}
