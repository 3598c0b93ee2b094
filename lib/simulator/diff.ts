// What a what-if edit changed: the cells whose decision differs from the unedited policies' matrix.

import type { Decision } from '@/lib/policy';
import type { DecisionMatrix } from './matrix';

/** One cell whose decision changed. */
export interface DecisionChange {
  action: string;
  resource: string;
  before: Decision;
  after: Decision;
}

/** The changes, grouped as the console reports them ("newly allows 3 and denies 2"). */
export interface MatrixDiff {
  /** Denied before (implicitly or explicitly), allowed now. */
  newlyAllowed: DecisionChange[];
  /** Allowed before, denied now. */
  newlyDenied: DecisionChange[];
  /** Still denied, but the other way (implicit ↔ explicit). */
  denyKindChanged: DecisionChange[];
}

/** Compares two matrices cell by cell (matched by action and resource name; cells in only one are ignored). */
export function diffMatrices(before: DecisionMatrix, after: DecisionMatrix): MatrixDiff {
  const previous = new Map<string, Decision>();
  before.actions.forEach((action, a) =>
    before.resources.forEach((resource, r) =>
      previous.set(`${action}\u0000${resource}`, before.decisions[a * before.resources.length + r]),
    ),
  );
  const diff: MatrixDiff = { newlyAllowed: [], newlyDenied: [], denyKindChanged: [] };
  after.actions.forEach((action, a) =>
    after.resources.forEach((resource, r) => {
      const was = previous.get(`${action}\u0000${resource}`);
      const now = after.decisions[a * after.resources.length + r];
      if (was === undefined || was === now) return;
      const change = { action, resource, before: was, after: now };
      if (now === 'allowed') diff.newlyAllowed.push(change);
      else if (was === 'allowed') diff.newlyDenied.push(change);
      else diff.denyKindChanged.push(change);
    }),
  );
  return diff;
}

/** "this edit newly allows 3 and denies 2" — or undefined when nothing changed. */
export function describeDiff(diff: MatrixDiff): string | undefined {
  const parts: string[] = [];
  if (diff.newlyAllowed.length > 0) parts.push(`newly allows ${diff.newlyAllowed.length}`);
  if (diff.newlyDenied.length > 0) parts.push(`${parts.length ? '' : 'newly '}denies ${diff.newlyDenied.length}`);
  if (diff.denyKindChanged.length > 0) parts.push(`changes the kind of deny of ${diff.denyKindChanged.length}`);
  return parts.length === 0 ? undefined : `This edit ${parts.join(' and ')}.`;
}
