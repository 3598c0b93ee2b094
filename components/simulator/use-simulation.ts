// The policy simulator's state and what follows from it: the question (from the URL), the policies gathered
// through the IAM API, the matrix recomputed in the browser on every edit, its diff against the unedited
// policies, the selected cell's explanation, the principals comparison and the service check.
import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { CompiledPolicy, SourceRange } from '@/lib/policy';
import { checkWithService } from '@/lib/console/actions/simulator/check-with-service';
import { getPrincipalPolicies, getRoleTrustPolicies } from '@/lib/console/actions/simulator/get-principal-policies';
import { expandActions, resourceTemplates, serviceOf } from '@/lib/simulator/actions';
import { isAssumeRoleAction, roleOf, trustPolicyKey } from '@/lib/simulator/assume-role';
import { contextKeyEffects } from '@/lib/simulator/context-effects';
import { buildRequestContext, detectContextKeys, type CallerInfo } from '@/lib/simulator/context-keys';
import { describeDiff, diffMatrices } from '@/lib/simulator/diff';
import { cellRequest, computeMatrix, computePrincipalsMatrix, explainCell, type MatrixInput } from '@/lib/simulator/matrix';
import { compileCached, compileSimulation } from '@/lib/simulator/policy-set';
import type { PrincipalPolicies, SimulationState, SimulatorPolicy, SimulatorPolicyKind } from '@/lib/simulator/types';
import { actionErrorOf, unwrap, useActionMutation, useActionQuery } from '@/components/ui/query';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { PanelPolicy } from './policy-panel';
import { useServiceCatalogs } from './use-catalogs';
import { useSimulationUrlState } from './use-simulation-url';

const EMPTY_POLICY =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "",\n      "Resource": "*"\n    }\n  ]\n}\n';

/** Edits reach the matrix after this pause (the recompute itself stays well under 50 ms). */
const EDIT_DEBOUNCE_MS = 60;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function callerOf(state: SimulationState, gathered: PrincipalPolicies | undefined): CallerInfo {
  if (state.mode === 'principal' && gathered) {
    const arn = state.callerArn ?? (gathered.principal.type === 'group' ? undefined : gathered.arn);
    return {
      arn,
      accountId: gathered.accountId,
      type: gathered.principal.type,
      userName: gathered.principal.type === 'user' ? gathered.principal.name : undefined,
      tags: { ...gathered.tags, ...state.principalTags },
    };
  }
  const arn = state.callerArn;
  const accountId = arn?.split(':')[4];
  const kind = arn
    ? /:user\//.test(arn)
      ? 'user'
      : /:assumed-role\//.test(arn)
        ? 'session'
        : /:role\//.test(arn)
          ? 'role'
          : /:root$/.test(arn)
            ? 'root'
            : undefined
    : undefined;
  return { arn, accountId, type: kind, userName: kind === 'user' ? arn!.split('/').pop() : undefined, tags: state.principalTags };
}

function matrixInputFor(
  set: MatrixInput['set'],
  caller: CallerInfo,
  context: Record<string, string[]>,
  trustPolicies: Map<string, CompiledPolicy>,
): MatrixInput {
  return {
    set,
    trustPolicies,
    principal: caller.arn && caller.accountId ? { arn: caller.arn, accountId: caller.accountId } : undefined,
    context: buildRequestContext(caller, context),
  };
}
/** Everything the simulator's views read and do. */
export type Simulation = ReturnType<typeof useSimulation>;

/** The simulator's state and effects; the views only render what this returns. */
export function useSimulation({ signedInAccountId, region }: { signedInAccountId: string; region: string }) {
  const { state, setState, ready, linkError } = useSimulationUrlState();
  const update = (patch: Partial<SimulationState>) => setState((s) => ({ ...s, ...patch }));
  const [tab, setTab] = useState('matrix');
  const [selected, setSelected] = useState<{ action: string; resource: string } | undefined>();
  const [activePolicy, setActivePolicy] = useState<string | undefined>();
  const [highlight, setHighlight] = useState<{ policyId: string; range: SourceRange; kind: 'deciding' | 'closest' } | undefined>();
  const [copied, setCopied] = useState(false);
  // The recompute time is measured in each render: the server's figure would never match the browser's.
  const hydrated = useHydrated();

  // Principal mode: the principal's policies through the IAM API.
  const principal = state.mode === 'principal' && state.principal?.name ? state.principal : undefined;
  const gatheredQuery = useActionQuery(['simulator-principal', principal?.type, principal?.name], getPrincipalPolicies, principal!, {
    enabled: ready && !!principal,
  });
  const gathered = principal ? gatheredQuery.data : undefined;

  // The policies in play: gathered (principal mode) + those added by hand.
  const policies: SimulatorPolicy[] = useMemo(
    () =>
      state.mode === 'principal' ? [...(gathered?.policies ?? []), ...state.policies.filter((p) => p.kind === 'session')] : state.policies,
    [state.mode, state.policies, gathered],
  );
  const overrides = useDebounced(state.overrides, EDIT_DEBOUNCE_MS);

  // Actions: wildcards expanded against the catalogues of the services named.
  const services = useMemo(() => [...new Set(state.actions.map(serviceOf).filter((s): s is string => !!s))], [state.actions]);
  const { catalogs } = useServiceCatalogs(services);
  const expanded = useMemo(() => expandActions(state.actions, catalogs), [state.actions, catalogs]);
  const accountId = gathered?.accountId ?? state.callerArn?.split(':')[4] ?? signedInAccountId;
  const templates = useMemo(
    () => resourceTemplates(expanded.actions, catalogs, { accountId, region }),
    [expanded.actions, catalogs, accountId, region],
  );

  // sts:AssumeRole on roles: their trust policies (principal mode reads them through the API).
  const assumeRoleNames = useMemo(() => {
    if (state.mode !== 'principal' || !expanded.actions.some(isAssumeRoleAction)) return [];
    return [...new Set(state.resources.map((r) => roleOf(r)?.roleName).filter((n): n is string => !!n))].sort();
  }, [state.mode, state.resources, expanded.actions]);
  const trustQuery = useActionQuery(
    ['simulator-trust', ...assumeRoleNames],
    getRoleTrustPolicies,
    { roleNames: assumeRoleNames },
    { enabled: ready && assumeRoleNames.length > 0 },
  );
  const trustDocuments = useMemo(() => {
    const docs: PanelPolicy[] = [];
    if (gathered?.trustPolicy)
      docs.push({
        id: `trust:${gathered.principal.name}`,
        kind: 'trust',
        label: `Trust policy (role ${gathered.principal.name})`,
        text: gathered.trustPolicy,
      });
    for (const [name, t] of Object.entries(trustQuery.data?.trustPolicies ?? {})) {
      if (!docs.some((d) => d.id === `trust:${name}`))
        docs.push({ id: `trust:${name}`, kind: 'trust', label: `Trust policy (role ${name})`, text: t.text, readOnly: false });
    }
    return docs;
  }, [gathered, trustQuery.data]);

  // Trust policies by `account/roleName`: as read, and as edited.
  const trustKeys = useMemo(
    () =>
      trustDocuments.map((doc) => {
        const roleName = doc.id.slice('trust:'.length);
        const arn = trustQuery.data?.trustPolicies[roleName]?.arn ?? `arn:aws:iam::${gathered?.accountId ?? accountId}:role/${roleName}`;
        return { doc, key: trustPolicyKey(arn) };
      }),
    [trustDocuments, trustQuery.data, gathered, accountId],
  );
  const trustOriginal = useMemo(() => {
    const map = new Map<string, CompiledPolicy>();
    for (const { doc, key } of trustKeys) {
      const compiled = compileCached(doc.id, 'trust', doc.text);
      if (key && 'statements' in compiled) map.set(key, compiled);
    }
    return map;
  }, [trustKeys]);
  const trustCurrent = useMemo(() => {
    if (!trustKeys.some(({ doc }) => overrides[doc.id] !== undefined)) return trustOriginal;
    const map = new Map<string, CompiledPolicy>();
    for (const { doc, key } of trustKeys) {
      const compiled = compileCached(doc.id, 'trust', overrides[doc.id] ?? doc.text);
      if (key && 'statements' in compiled) map.set(key, compiled);
    }
    return map;
  }, [trustKeys, trustOriginal, overrides]);
  const caller = useMemo(
    () => callerOf(state, gathered),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller depends only on these fields of the state, not on every edit to it
    [state.mode, state.callerArn, state.principalTags, gathered],
  );

  // The unedited policies' matrix: recomputed only when the question changes, not on every edit.
  const baselineMatrix = useMemo(() => {
    const baseline = compileSimulation(policies);
    return computeMatrix(matrixInputFor(baseline.set, caller, state.context, trustOriginal), expanded.actions, state.resources);
  }, [policies, caller, state.context, trustOriginal, expanded.actions, state.resources]);

  // On every edit: compile what changed (cached per text), the matrix, and the diff against the unedited one.
  const result = useMemo(() => {
    // eslint-disable-next-line react-hooks/purity -- the clock only times this computation for the "Recomputed in … ms" label; the result does not depend on it
    const started = performance.now();
    const current = compileSimulation(policies, overrides);
    const input = matrixInputFor(current.set, caller, state.context, trustCurrent);
    const matrix = computeMatrix(input, expanded.actions, state.resources);
    const diff = diffMatrices(baselineMatrix, matrix);
    // eslint-disable-next-line react-hooks/purity -- as above: the end of the timed computation
    const elapsed = performance.now() - started;
    const fields = detectContextKeys([
      ...current.set.identity,
      ...(current.set.boundary ?? []),
      ...(current.set.session ?? []),
      ...(current.set.resource ?? []),
      ...trustCurrent.values(),
    ]);
    return { current, input, matrix, diff, elapsed, fields, caller };
  }, [policies, overrides, caller, state.context, trustCurrent, expanded.actions, state.resources, baselineMatrix]);

  const changed = useMemo(
    () =>
      new Set(
        [...result.diff.newlyAllowed, ...result.diff.newlyDenied, ...result.diff.denyKindChanged].map(
          (c) => `${c.action}\u0000${c.resource}`,
        ),
      ),
    [result.diff],
  );

  const labels = useMemo(() => new Map([...policies, ...trustDocuments].map((p) => [p.id, p.label])), [policies, trustDocuments]);
  const cell =
    selected && expanded.actions.includes(selected.action) && result.matrix.resources.includes(selected.resource) ? selected : undefined;
  const explanation = useMemo(() => (cell ? explainCell(result.input, cell.action, cell.resource) : undefined), [cell, result.input]);
  const effects = useMemo(
    () => (cell && explanation ? contextKeyEffects(result.input, cell.action, cell.resource, explanation) : []),
    [cell, explanation, result.input],
  );
  const trustUsed = cell ? cellRequest(result.input, cell.action, cell.resource).trustPolicyUsed : false;

  const showStatement = (policyId: string, range: SourceRange, kind: 'deciding' | 'closest' = 'deciding') => {
    setActivePolicy(policyId);
    setHighlight({ policyId, range, kind });
  };
  const selectCell = (c: { action: string; resource: string }) => {
    setSelected(c);
    const e = explainCell(result.input, c.action, c.resource);
    const deciding = e.decidingStatements[0];
    const closest = e.decision === 'implicitDeny' ? e.closestNonMatchingStatements[0] : undefined;
    if (deciding) showStatement(deciding.policyId, deciding.range, 'deciding');
    else if (closest) showStatement(closest.policyId, closest.range, 'closest');
    else setHighlight(undefined);
  };

  // Principals × actions.
  const comparePrincipals = useMemo(
    () => [
      ...(principal && state.mode === 'principal' ? [principal] : []),
      ...state.comparePrincipals.filter((p) => !(principal && p.type === principal.type && p.name === principal.name)),
    ],
    [principal, state.mode, state.comparePrincipals],
  );
  const compareQueries = useQueries({
    queries: comparePrincipals.map((p) => ({
      queryKey: ['simulator-principal', p.type, p.name],
      queryFn: async () => unwrap(await getPrincipalPolicies(p)),
      enabled: ready && tab === 'principals',
    })),
  });
  const compareKey = compareQueries.map((q) => q.dataUpdatedAt).join(',');
  const principalRows = useMemo(() => {
    if (tab !== 'principals') return [];
    const entries = compareQueries.flatMap((q, i) => {
      if (!q.data) return [];
      const p = comparePrincipals[i];
      const isMain = principal && p.type === principal.type && p.name === principal.name;
      const compiled = compileSimulation(isMain ? policies : q.data.policies, isMain ? overrides : {});
      const caller = callerOf({ ...state, mode: 'principal', callerArn: undefined }, q.data);
      return [{ label: `${p.type} ${p.name}`, input: matrixInputFor(compiled.set, caller, state.context, new Map()) }];
    });
    return computePrincipalsMatrix(entries, expanded.actions, state.resources);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- compareKey stands for compareQueries' data, a new array on every render
  }, [tab, compareKey, comparePrincipals, expanded.actions, state.resources, state.context, overrides, policies]);

  // Check with the service.
  const check = useActionMutation(checkWithService);
  const runCheck = () => {
    const edited = Object.keys(state.overrides).some((id) => state.overrides[id] !== policies.find((p) => p.id === id)?.text);
    // Whitespace does not change a policy; minified texts stay within the API's 131,072-character limit more often.
    const text = (p: SimulatorPolicy) => {
      const raw = state.overrides[p.id] ?? p.text;
      try {
        return JSON.stringify(JSON.parse(raw));
      } catch {
        return raw;
      }
    };
    const bySource = state.mode === 'principal' && gathered !== undefined && !edited;
    const valid = (p: SimulatorPolicy) => !result.current.errors.some((e) => e.policyId === p.id);
    const contextEntries = Object.entries(state.context)
      .map(([key, values]) => ({
        key,
        values: values.filter(Boolean),
        type: result.fields.find((f) => f.key.toLowerCase() === key.toLowerCase())?.type ?? ('string' as const),
      }))
      .filter((c) => c.values.length > 0);
    check.mutate({
      policySourceArn: bySource ? gathered.arn : undefined,
      // SimulatePrincipalPolicy reads the principal's own policies; only custom simulations send them.
      identityPolicies: bySource ? [] : policies.filter((p) => p.kind === 'identity' && valid(p)).map(text),
      boundaryPolicies: bySource ? [] : policies.filter((p) => p.kind === 'boundary' && valid(p)).map(text),
      sessionPolicies: policies.filter((p) => p.kind === 'session' && valid(p)).map(text),
      resourcePolicy: policies.filter((p) => p.kind === 'resource' && valid(p)).map(text)[0],
      callerArn: result.caller.arn,
      actions: expanded.actions.slice(0, 500),
      resources: state.resources,
      context: contextEntries,
    });
  };

  const panelPolicies: PanelPolicy[] = [
    ...policies.map((p) => ({ ...p, removable: state.mode === 'custom' || state.policies.some((q) => q.id === p.id) })),
    ...trustDocuments,
  ];
  const addPolicy = (kind: SimulatorPolicyKind) => {
    const n = state.policies.filter((p) => p.kind === kind).length + 1;
    const id = `${kind}-${Date.now().toString(36)}`;
    const label =
      { identity: 'Identity policy', boundary: 'Permissions boundary', session: 'Session policy', resource: 'Resource-based policy' }[
        kind
      ] + ` ${n}`;
    update({ policies: [...state.policies, { id, kind, label, text: EMPTY_POLICY }] });
    setActivePolicy(id);
  };

  const diffText = describeDiff(result.diff);
  const gatherError = actionErrorOf(gatheredQuery.error);

  return {
    state,
    setState,
    update,
    linkError,
    tab,
    setTab,
    activePolicy,
    setActivePolicy,
    highlight,
    copied,
    setCopied,
    hydrated,
    principal,
    gatheredQuery,
    gathered,
    gatherError,
    expanded,
    templates,
    trustQuery,
    result,
    changed,
    labels,
    cell,
    explanation,
    effects,
    trustUsed,
    showStatement,
    selectCell,
    comparePrincipals,
    compareQueries,
    principalRows,
    check,
    runCheck,
    panelPolicies,
    addPolicy,
    diffText,
  };
}
