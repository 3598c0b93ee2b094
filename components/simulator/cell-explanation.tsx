'use client';
// Why a cell decided as it did: the deciding statements (jump to them in the policy text), each part's own
// decision, every statement's trace, missing context keys and what supplying them would change, the closest
// non-matching statements of an implicit deny, and anything that could not be evaluated.
import type { Explanation, SourceRange, StatementOutcome } from '@/lib/policy';
import type { ContextKeyEffect } from '@/lib/simulator/context-effects';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DECISION_LABEL, DecisionBadge } from './decision';

const ROLE_LABEL = {
  identity: 'Identity-based',
  resource: 'Resource-based / trust',
  boundary: 'Permissions boundary',
  session: 'Session policy',
  scp: 'SCP',
} as const;

const MISS_REASON: Record<NonNullable<StatementOutcome['failedPart']>, string> = {
  action: 'its Action (or NotAction) does not cover the action',
  resource: 'its Resource (or NotResource) does not cover the resource',
  principal: 'its Principal does not name the caller',
  condition: 'a condition was not met',
};

function Mark({ ok }: { ok: boolean | undefined }) {
  if (ok === undefined) return <span className="text-slate-400">—</span>;
  return ok ? <span className="text-green-700 dark:text-green-400">✓</span> : <span className="text-red-700 dark:text-red-400">✗</span>;
}

function where(range: SourceRange): string {
  return `line ${range.start.line}, column ${range.start.column} – line ${range.end.line}, column ${range.end.column}`;
}

function statementName(outcome: StatementOutcome, labels: Map<string, string>): string {
  return `${labels.get(outcome.policyId) ?? outcome.policyId} — ${outcome.sid ? `Sid ${outcome.sid}` : `statement ${outcome.statementIndex + 1}`}`;
}

function StatementTrace({
  outcome,
  labels,
  onShow,
}: {
  outcome: StatementOutcome;
  labels: Map<string, string>;
  onShow: (o: StatementOutcome) => void;
}) {
  return (
    <li className="rounded border border-slate-200 p-2 dark:border-slate-700" data-testid="statement-trace">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm">
          <span className={outcome.effect === 'Deny' ? 'font-semibold text-red-800 dark:text-red-300' : 'font-semibold'}>
            {outcome.effect}
          </span>{' '}
          {statementName(outcome, labels)}{' '}
          <span className="text-xs text-slate-500">
            (
            {outcome.result === 'matched'
              ? 'applies'
              : outcome.result === 'unevaluable'
                ? `unevaluable — treated as ${outcome.decidedAs === 'applies' ? 'applying' : 'not applying'}`
                : `not matched: ${outcome.failedPart}`}
            )
          </span>
        </span>
        <Button variant="ghost" size="sm" onClick={() => onShow(outcome)}>
          Show in policy
        </Button>
      </div>
      <p className="mt-1 text-xs">
        action <Mark ok={outcome.actionMatched} /> · resource <Mark ok={outcome.resourceMatched} /> · principal{' '}
        <Mark ok={outcome.principalMatched} />
        {outcome.principalByAccountOnly && ' (by account only: needs an identity-based allow too)'}
      </p>
      {outcome.conditions.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-xs">
          {outcome.conditions.map((c, i) => (
            <li key={i} className="font-mono" data-testid="condition-trace">
              condition {c.operator} {c.key} <Mark ok={c.result === 'true' ? true : c.result === 'false' ? false : undefined} /> — policy [
              {c.policyValues.join(', ')}] vs request {c.contextValues ? `[${c.contextValues.join(', ')}]` : '(absent)'}
              {c.result === 'unevaluable' && <strong className="ml-1 text-amber-800 dark:text-amber-300">unevaluable</strong>}
              {c.reason && <span className="ml-1 font-sans text-slate-600 dark:text-slate-400">{c.reason}</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function CellExplanation({
  explanation,
  effects,
  labels,
  trustPolicyUsed,
  onShow,
}: {
  explanation: Explanation;
  effects: ContextKeyEffect[];
  labels: Map<string, string>;
  trustPolicyUsed: boolean;
  onShow: (policyId: string, range: SourceRange, kind: 'deciding' | 'closest') => void;
}) {
  const deciding = new Set(explanation.decidingStatements.map((o) => `${o.policyId}\u0000${o.statementIndex}`));
  const show = (o: StatementOutcome) =>
    onShow(o.policyId, o.range, deciding.has(`${o.policyId}\u0000${o.statementIndex}`) ? 'deciding' : 'closest');
  const relevant = explanation.statements.filter((s) => s.actionMatched);
  const others = explanation.statements.filter((s) => !s.actionMatched);
  const parts: [string, string | undefined][] = [
    ['Identity-based policies', explanation.identityDecision],
    ['Resource-based policy', explanation.resourceDecision],
    ['Permissions boundary', explanation.boundaryDecision],
    ['Session policies', explanation.sessionDecision],
  ];
  return (
    <section aria-labelledby="explanation-heading" className="space-y-4" data-testid="cell-explanation">
      <h3 id="explanation-heading" className="text-base font-semibold">
        <span className="font-mono">{explanation.action}</span> on <span className="break-all font-mono">{explanation.resource}</span>:{' '}
        <span data-testid="explanation-decision">{DECISION_LABEL[explanation.decision]}</span>
      </h3>
      {trustPolicyUsed && (
        <p className="text-sm">Judged with the role&apos;s trust policy as a resource-based policy, as AWS judges sts:AssumeRole.</p>
      )}
      {explanation.crossAccount && (
        <p className="text-sm">Cross-account request: both an identity-based and a resource-based allow are needed.</p>
      )}
      {explanation.unevaluable && (
        <Alert tone="warning" title="Not fully evaluable">
          Some statement could not be evaluated fully (see the statements marked unevaluable): an Allow is treated as not applying and a
          Deny as applying, never silently decided.
        </Alert>
      )}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {parts
          .filter(([, d]) => d !== undefined)
          .map(([name, d]) => (
            <div key={name} className="contents">
              <dt>{name}</dt>
              <dd>
                <DecisionBadge decision={d!} />
              </dd>
            </div>
          ))}
      </dl>
      <div>
        <h4 className="text-sm font-semibold">Deciding statements</h4>
        {explanation.decidingStatements.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">None: no statement allows this request (implicit deny).</p>
        ) : (
          <ul className="space-y-1" data-testid="deciding-statements">
            {explanation.decidingStatements.map((o, i) => (
              <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
                <span>
                  {o.effect} · {ROLE_LABEL[o.role]} · {statementName(o, labels)}{' '}
                  <span className="text-xs text-slate-500">({where(o.range)})</span>
                </span>
                <Button variant="secondary" size="sm" onClick={() => show(o)}>
                  Highlight in policy
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {explanation.decision === 'implicitDeny' && explanation.closestNonMatchingStatements.length > 0 && (
        <div className="rounded-md border border-dashed border-blue-600 p-2 dark:border-sky-500">
          <h4 className="text-sm font-semibold">Closest miss</h4>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            These statements came nearest to allowing the request but did not apply; none of them decided it.
          </p>
          <ul className="mt-2 space-y-2" data-testid="closest-statements">
            {explanation.closestNonMatchingStatements.map((o, i) => (
              <li key={i} className="space-y-1">
                <p className="text-sm" data-testid="closest-reason">
                  Did not apply because {MISS_REASON[o.failedPart ?? 'action']}.
                </p>
                <ul>
                  <StatementTrace outcome={o} labels={labels} onShow={show} />
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      {(explanation.missingContextKeys.length > 0 || effects.length > 0) && (
        <div>
          <h4 className="text-sm font-semibold">Context keys</h4>
          {explanation.missingContextKeys.length > 0 && (
            <p className="text-sm" data-testid="missing-keys">
              Missing from the request: <span className="font-mono">{explanation.missingContextKeys.join(', ')}</span>
            </p>
          )}
          <ul className="mt-1 space-y-0.5 text-sm" data-testid="key-effects">
            {effects.map((e) => (
              <li key={`${e.key}-${e.change}`}>
                {e.change === 'supplied' ? (
                  <>
                    With <span className="font-mono">{e.key}</span> = <span className="font-mono">{e.value}</span>:{' '}
                  </>
                ) : (
                  <>
                    Without <span className="font-mono">{e.key}</span>:{' '}
                  </>
                )}
                <DecisionBadge decision={e.decision} /> {e.changesDecision ? <strong>changes the decision</strong> : 'no change'}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details open={relevant.length + others.length <= 12} data-testid="statement-trace-details">
        <summary className="cursor-pointer text-sm font-semibold">
          Statement trace ({relevant.length} whose action matched
          {others.length > 0 ? `; ${others.length} other${others.length === 1 ? '' : 's'} did not match the action` : ''})
        </summary>
        {relevant.length > 0 && (
          <ul className="mt-2 space-y-2">
            {relevant.map((o, i) => (
              <StatementTrace key={i} outcome={o} labels={labels} onShow={show} />
            ))}
          </ul>
        )}
        {others.length > 0 && (
          <>
            <h5 className="mt-3 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
              Did not match the action
            </h5>
            <ul className="mt-1 space-y-2" data-testid="other-statements">
              {others.map((o, i) => (
                <StatementTrace key={i} outcome={o} labels={labels} onShow={show} />
              ))}
            </ul>
          </>
        )}
      </details>
    </section>
  );
}
