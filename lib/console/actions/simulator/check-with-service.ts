'use server';
// "Check with the service": the same question through the target's own simulator — SimulatePrincipalPolicy for
// an unedited principal, SimulateCustomPolicy otherwise (AWS's simulator when the console points at AWS).
import { SimulateCustomPolicyCommand, SimulatePrincipalPolicyCommand, type ContextEntry, type EvaluationResult } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';

/** One answer of the service's simulator. */
export interface ServiceDecision {
  action: string;
  resource: string;
  decision: string;
  matchedStatements: { sourcePolicyId?: string; sourcePolicyType?: string; start?: string; end?: string }[];
  missingContextValues: string[];
}

const CONTEXT_TYPES = {
  string: 'string',
  number: 'numeric',
  date: 'date',
  bool: 'boolean',
  ip: 'ip',
  arn: 'string',
  binary: 'binary',
} as const;

const input = z.object({
  /** Set for an unedited principal: SimulatePrincipalPolicy on it. */
  policySourceArn: z.string().max(2048).optional(),
  identityPolicies: z.array(z.string().max(131072)).max(50),
  boundaryPolicies: z.array(z.string().max(131072)).max(5),
  sessionPolicies: z.array(z.string().max(131072)).max(10),
  resourcePolicy: z.string().max(131072).optional(),
  callerArn: z.string().max(2048).optional(),
  resourceOwner: z.string().max(2048).optional(),
  actions: z.array(z.string().min(1).max(128)).min(1).max(500),
  resources: z.array(z.string().min(1).max(2048)).max(100),
  context: z
    .array(
      z.object({
        key: z.string().min(1).max(256),
        type: z.enum(['string', 'number', 'date', 'bool', 'ip', 'arn', 'binary']),
        values: z.array(z.string().max(1024)).min(1).max(50),
      }),
    )
    .max(100),
});

function shape(results: EvaluationResult[] | undefined): ServiceDecision[] {
  const out: ServiceDecision[] = [];
  for (const result of results ?? []) {
    const specific = result.ResourceSpecificResults?.length ? result.ResourceSpecificResults : undefined;
    const entries = specific
      ? specific.map((s) => ({
          resource: s.EvalResourceName!,
          decision: s.EvalResourceDecision!,
          matched: s.MatchedStatements,
          missing: s.MissingContextValues,
        }))
      : [
          {
            resource: result.EvalResourceName ?? '*',
            decision: result.EvalDecision!,
            matched: result.MatchedStatements,
            missing: result.MissingContextValues,
          },
        ];
    for (const entry of entries) {
      out.push({
        action: result.EvalActionName!,
        resource: entry.resource,
        decision: entry.decision,
        matchedStatements: (entry.matched ?? []).map((m) => ({
          sourcePolicyId: m.SourcePolicyId,
          sourcePolicyType: m.SourcePolicyType,
          start: m.StartPosition ? `${m.StartPosition.Line}:${m.StartPosition.Column}` : undefined,
          end: m.EndPosition ? `${m.EndPosition.Line}:${m.EndPosition.Column}` : undefined,
        })),
        missingContextValues: entry.missing ?? [],
      });
    }
  }
  return out;
}

export const checkWithService = action(input, async (request, { iam }) => {
  const contextEntries: ContextEntry[] = request.context.map((c) => {
    const base = CONTEXT_TYPES[c.type];
    return {
      ContextKeyName: c.key,
      ContextKeyValues: c.values,
      ContextKeyType: (c.values.length > 1 ? `${base}List` : base) as ContextEntry['ContextKeyType'],
    };
  });
  const notes: string[] = [];
  const resourceArns = request.resources.length > 0 ? request.resources : undefined;
  const decisions: ServiceDecision[] = [];
  let marker: string | undefined;
  let api: 'SimulatePrincipalPolicy' | 'SimulateCustomPolicy';
  do {
    if (request.policySourceArn) {
      api = 'SimulatePrincipalPolicy';
      const out = await iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: request.policySourceArn,
          PolicyInputList: request.sessionPolicies.length ? request.sessionPolicies : undefined,
          ActionNames: request.actions,
          ResourceArns: resourceArns,
          ResourcePolicy: request.resourcePolicy,
          ResourceOwner: request.resourceOwner,
          ContextEntries: contextEntries.length ? contextEntries : undefined,
          Marker: marker,
        }),
      );
      decisions.push(...shape(out.EvaluationResults));
      marker = out.IsTruncated ? out.Marker : undefined;
    } else {
      api = 'SimulateCustomPolicy';
      const out = await iam.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: request.identityPolicies.length ? request.identityPolicies : ['{"Version":"2012-10-17","Statement":[]}'],
          PermissionsBoundaryPolicyInputList: request.boundaryPolicies.length ? request.boundaryPolicies : undefined,
          ResourcePolicy: request.resourcePolicy,
          ResourceOwner: request.resourcePolicy ? request.resourceOwner : undefined,
          CallerArn: request.resourcePolicy ? request.callerArn : undefined,
          ActionNames: request.actions,
          ResourceArns: resourceArns,
          ContextEntries: contextEntries.length ? contextEntries : undefined,
          Marker: marker,
        }),
      );
      decisions.push(...shape(out.EvaluationResults));
      marker = out.IsTruncated ? out.Marker : undefined;
    }
  } while (marker);
  if (!request.policySourceArn && request.sessionPolicies.length)
    notes.push('SimulateCustomPolicy takes no session policies: the service judged without them.');
  if (request.actions.some((a) => a.toLowerCase().startsWith('sts:assumerole'))) {
    notes.push("IAM's simulator does not evaluate a role's trust policy; sts:AssumeRole answers may differ for that reason.");
  }
  return { api: api!, decisions, notes };
});
