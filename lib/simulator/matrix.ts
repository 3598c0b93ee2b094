// The decision matrix (actions × resources, principals × actions) computed locally with the policy engine, and
// the explanation of one cell.

import {
  accountIdOf,
  authorize,
  explain,
  type AuthorizationRequest,
  type CompiledPolicy,
  type Decision,
  type Explanation,
  type PolicySet,
  type RequestContext,
} from '@/lib/policy';
import { explainAssumeRoleCell, isAssumeRoleAction, judgeAssumeRoleCell, roleArnOfSession, trustPolicyKey } from './assume-role';

/** Everything needed to judge any cell of a simulation. */
export interface MatrixInput {
  set: PolicySet;
  /** Compiled trust policies by `account/roleName` (see trustPolicyKey), for sts:AssumeRole on a role. */
  trustPolicies?: Map<string, CompiledPolicy>;
  /** The simulated caller (for Principal elements of resource and trust policies). */
  principal?: { arn: string; accountId: string };
  context: RequestContext;
  /** The account owning the resources when their ARNs do not say (S3 buckets...). */
  resourceOwner?: string;
}

/** Decisions of actions × resources, row-major (`decisions[a * resources.length + r]`). */
export interface DecisionMatrix {
  actions: string[];
  resources: string[];
  decisions: Decision[];
  counts: Record<Decision, number>;
  /** Cells judged with a role's trust policy (sts:AssumeRole on a role ARN or role session ARN). */
  trustJudged: boolean[];
}

/** The request and policy set of one cell (a session ARN resource resolved to its role for sts:AssumeRole). */
export function cellRequest(
  input: MatrixInput,
  action: string,
  resource: string,
): { request: AuthorizationRequest; set: PolicySet; trustPolicyUsed: boolean } {
  let set = input.set;
  let resourceArn = resource;
  let trustPolicyUsed = false;
  if (isAssumeRoleAction(action) && input.trustPolicies) {
    resourceArn = roleArnOfSession(resource) ?? resource;
    const key = trustPolicyKey(resourceArn);
    const trust = key ? input.trustPolicies.get(key) : undefined;
    if (trust) {
      set = { ...set, resource: [...(set.resource ?? []), trust] };
      trustPolicyUsed = true;
    }
  }
  const request: AuthorizationRequest = {
    action,
    resource: resourceArn,
    principal: input.principal,
    resourceAccount: accountIdOf(input.resourceOwner) ?? (resourceArn !== '*' ? accountIdOf(resourceArn) : undefined),
    context: input.context,
  };
  return { request, set, trustPolicyUsed };
}

/** Judges every action × resource pair (no resources: '*'). */
export function computeMatrix(input: MatrixInput, actions: string[], resources: string[]): DecisionMatrix {
  const columns = resources.length > 0 ? resources : ['*'];
  const decisions: Decision[] = new Array(actions.length * columns.length);
  const trustJudged: boolean[] = new Array(decisions.length);
  const counts: Record<Decision, number> = { allowed: 0, explicitDeny: 0, implicitDeny: 0 };
  let i = 0;
  for (const action of actions) {
    for (const resource of columns) {
      const { request, set, trustPolicyUsed } = cellRequest(input, action, resource);
      const decision = trustPolicyUsed ? judgeAssumeRoleCell(request, set) : authorize(request, set);
      decisions[i] = decision;
      trustJudged[i] = trustPolicyUsed;
      counts[decision]++;
      i++;
    }
  }
  return { actions, resources: columns, decisions, counts, trustJudged };
}

/** The full explanation of one cell (every condition evaluated, for display). */
export function explainCell(input: MatrixInput, action: string, resource: string): Explanation {
  const { request, set, trustPolicyUsed } = cellRequest(input, action, resource);
  if (trustPolicyUsed) return explainAssumeRoleCell(request, set, { allConditions: true });
  return explain(request, set, { allConditions: true });
}

/** The decision of a cell, by action and resource name. */
export function decisionAt(matrix: DecisionMatrix, action: string, resource: string): Decision | undefined {
  const a = matrix.actions.indexOf(action);
  const r = matrix.resources.indexOf(resource);
  return a < 0 || r < 0 ? undefined : matrix.decisions[a * matrix.resources.length + r];
}

/** One principal's row in the principals × actions view: per action, the decisions over the resources. */
export interface PrincipalRow {
  label: string;
  cells: { action: string; counts: Record<Decision, number>; decision: Decision | 'mixed' }[];
}

/** Principals × actions: each principal judged on its own policies, the same actions and resources. */
export function computePrincipalsMatrix(
  principals: { label: string; input: MatrixInput }[],
  actions: string[],
  resources: string[],
): PrincipalRow[] {
  return principals.map(({ label, input }) => {
    const matrix = computeMatrix(input, actions, resources);
    const width = matrix.resources.length;
    return {
      label,
      cells: actions.map((action, a) => {
        const counts: Record<Decision, number> = { allowed: 0, explicitDeny: 0, implicitDeny: 0 };
        for (let r = 0; r < width; r++) counts[matrix.decisions[a * width + r]]++;
        const kinds = (['allowed', 'explicitDeny', 'implicitDeny'] as Decision[]).filter((d) => counts[d] > 0);
        return { action, counts, decision: kinds.length === 1 ? kinds[0] : 'mixed' };
      }),
    };
  });
}
