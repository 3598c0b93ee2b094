'use client';
// "Who can assume this role", read from the trust policy with lib/policy's parser: the principals each Allow
// statement trusts, by type, with the conditions that must hold; Deny statements shown as exceptions.
import { useMemo } from 'react';
import { Badge } from '@/components/ui/badge';
import { readTrust } from './read-trust';

const TYPE_LABELS: Record<string, string> = {
  AWS: 'AWS accounts and IAM principals',
  Service: 'AWS services',
  Federated: 'Federated identity providers',
  CanonicalUser: 'Canonical users',
  '*': 'Anyone',
};

/** The principals a trust policy lets assume the role, by type, with their conditions. */
export function TrustedPrincipals({ trustPolicy }: { trustPolicy: string }) {
  const { entries, valid } = useMemo(() => readTrust(trustPolicy), [trustPolicy]);
  return (
    <section aria-label="Who can assume this role" data-testid="trusted-principals" className="space-y-3">
      <h2 className="text-lg font-semibold">Who can assume this role</h2>
      {!valid ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">The trust policy is not valid JSON yet.</p>
      ) : entries.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No statement trusts anyone: nobody can assume this role.</p>
      ) : (
        <ul className="space-y-3">
          {entries.map((entry, index) => (
            <li key={index} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={entry.effect === 'Allow' ? 'success' : 'danger'}>
                  {entry.effect === 'Allow' ? 'Trusted' : entry.effect === 'Deny' ? 'Denied' : entry.effect}
                </Badge>
                {entry.sid && <span className="font-mono text-xs">{entry.sid}</span>}
                <span className="text-xs text-slate-600 dark:text-slate-300">{entry.actions.join(', ') || 'all actions'}</span>
              </p>
              {entry.notPrincipal && <p className="mt-1 text-xs">Every principal except:</p>}
              <dl className="mt-2 space-y-1">
                {entry.principals.map((p) => (
                  <div key={p.type}>
                    <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{TYPE_LABELS[p.type] ?? p.type}</dt>
                    <dd>
                      <ul className="font-mono text-xs">
                        {p.values.map((v) => (
                          <li key={v} className="break-all">
                            {v === '*' ? '* (anyone — restrict with conditions)' : v}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                ))}
              </dl>
              {entry.conditions.length > 0 && (
                <div className="mt-2">
                  <p className="text-xs font-medium text-slate-600 dark:text-slate-400">Only when</p>
                  <ul className="font-mono text-xs">
                    {entry.conditions.map((c, i) => (
                      <li key={i} className="break-all">
                        {c.key} {c.operator} {c.values.map((v) => JSON.stringify(v)).join(' or ')}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
