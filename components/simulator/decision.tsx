// How decisions look: labels, colours and a badge, shared by every simulator view.
import type { Decision } from '@/lib/policy';
import { Badge, type BadgeTone } from '@/components/ui/badge';

export const DECISION_LABEL: Record<Decision | 'mixed', string> = {
  allowed: 'Allowed',
  explicitDeny: 'Explicit deny',
  implicitDeny: 'Implicit deny',
  mixed: 'Mixed',
};

export const DECISION_TONE: Record<Decision | 'mixed', BadgeTone> = {
  allowed: 'success',
  explicitDeny: 'danger',
  implicitDeny: 'warning',
  mixed: 'info',
};

export const CELL_CLASS: Record<Decision | 'mixed', string> = {
  allowed: 'bg-green-100 text-green-900 hover:bg-green-200 dark:bg-green-950 dark:text-green-200',
  explicitDeny: 'bg-red-100 text-red-900 hover:bg-red-200 dark:bg-red-950 dark:text-red-200',
  implicitDeny: 'bg-amber-50 text-amber-900 hover:bg-amber-100 dark:bg-amber-950 dark:text-amber-200',
  mixed: 'bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
};

export function DecisionBadge({ decision }: { decision: Decision | 'mixed' | string }) {
  const known = decision in DECISION_LABEL ? (decision as Decision | 'mixed') : undefined;
  return <Badge tone={known ? DECISION_TONE[known] : 'neutral'}>{known ? DECISION_LABEL[known] : decision}</Badge>;
}
