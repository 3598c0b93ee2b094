// Simulation helpers: evaluate action × resource pairs and answer in the shape of IAM's SimulatePrincipalPolicy/SimulateCustomPolicy.

import { compilePolicy } from './compile';
import type { RequestContext } from './context';
import { explain, type AuthorizationRequest, type Decision, type Explanation, type PolicySet, type StatementOutcome } from './evaluate';
import type { CompiledPolicy, PolicyType } from './types';

/** Where a policy came from, as AWS reports `SourcePolicyType`. */
export type SourcePolicyType = 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';

/** One policy given to the simulator. */
export interface SimulationPolicyInput {
  /** Reported back as `SourcePolicyId` (AWS uses the policy name, or e.g. 'PolicyInputList.1'). */
  policyId: string;
  policyType: SourcePolicyType;
  text: string;
}

/** A context entry as the API takes it. */
export interface ContextEntry {
  ContextKeyName: string;
  ContextKeyValues: string[];
  ContextKeyType?:
    | 'string'
    | 'stringList'
    | 'numeric'
    | 'numericList'
    | 'boolean'
    | 'booleanList'
    | 'ip'
    | 'ipList'
    | 'binary'
    | 'binaryList'
    | 'date'
    | 'dateList';
}

/** Everything a simulation needs; policies are given as text and compiled here. */
export interface SimulationInput {
  /** Identity-based policies (the user's, its groups', or the role's; or PolicyInputList). 'resource' entries count as resource-based. */
  policies: SimulationPolicyInput[];
  /** PermissionsBoundaryPolicyInputList, or the entity's boundary. */
  permissionsBoundaries?: SimulationPolicyInput[];
  /** Session policies (not part of AWS's API; for the console). */
  sessionPolicies?: SimulationPolicyInput[];
  /** ResourcePolicy. */
  resourcePolicy?: string | SimulationPolicyInput;
  /** ResourceOwner: an account id or an ARN carrying one; decides same-account vs cross-account. */
  resourceOwner?: string;
  /** CallerArn: the simulated principal. */
  callerArn?: string;
  actionNames: string[];
  /** ResourceArns; empty or absent means '*'. */
  resourceArns?: string[];
  contextEntries?: ContextEntry[];
  /** Trace every condition in the explanations (see ExplainOptions.allConditions). */
  allConditions?: boolean;
}

/** Position as AWS reports it: 1-based line and column. */
export interface Position {
  Line: number;
  Column: number;
}

/** A statement that determined a result. AWS reports customer managed policies as 'IAM Policy'. */
export interface MatchedStatement {
  SourcePolicyId: string;
  SourcePolicyType: SourcePolicyType | 'IAM Policy';
  StartPosition: Position;
  EndPosition: Position;
}

/** AWS's ResourceSpecificResult. */
export interface ResourceSpecificResult {
  EvalResourceName: string;
  EvalResourceDecision: Decision;
  MatchedStatements: MatchedStatement[];
  MissingContextValues: string[];
  EvalDecisionDetails?: Record<string, Decision>;
  PermissionsBoundaryDecisionDetail?: { AllowedByPermissionsBoundary: boolean };
}

/** AWS's EvaluationResult. */
export interface EvaluationResult {
  EvalActionName: string;
  EvalResourceName: string;
  EvalDecision: Decision;
  MatchedStatements: MatchedStatement[];
  MissingContextValues: string[];
  EvalDecisionDetails?: Record<string, Decision>;
  PermissionsBoundaryDecisionDetail?: { AllowedByPermissionsBoundary: boolean };
  ResourceSpecificResults?: ResourceSpecificResult[];
}

/** Simulation output: AWS-shaped results, plus the full explanations (same order) for the console. */
export interface SimulationOutput {
  results: EvaluationResult[];
  explanations: Explanation[];
}

/** Converts API context entries to the engine's context (list types keep all values). */
export function contextFromEntries(entries: ContextEntry[] | undefined): RequestContext {
  const context: RequestContext = {};
  for (const entry of entries ?? []) {
    const isList = entry.ContextKeyType?.endsWith('List') ?? entry.ContextKeyValues.length > 1;
    context[entry.ContextKeyName] = isList ? [...entry.ContextKeyValues] : entry.ContextKeyValues[0];
  }
  return context;
}

/** The account id in an ARN (or the value itself when it is an account id). */
export function accountIdOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{12}$/.test(value)) return value;
  const parts = value.split(':');
  return parts.length >= 5 && /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
}

function compileInputs(
  inputs: SimulationPolicyInput[] | undefined,
  policyType: PolicyType,
): { compiled: CompiledPolicy[]; sources: Map<string, SourcePolicyType> } {
  const compiled: CompiledPolicy[] = [];
  const sources = new Map<string, SourcePolicyType>();
  for (const input of inputs ?? []) {
    compiled.push(compilePolicy(input.text, { policyId: input.policyId, policyType }));
    sources.set(input.policyId, input.policyType);
  }
  return { compiled, sources };
}

/**
 * Runs a simulation. Throws PolicyParseError when a policy cannot be compiled (the API maps it to
 * MalformedPolicyDocument). One result per action × resource (resources default to '*'); for a named
 * resource the details also appear under ResourceSpecificResults, as AWS does.
 */
export function simulatePolicies(input: SimulationInput): SimulationOutput {
  const identityInputs = input.policies.filter((p) => p.policyType !== 'resource');
  const resourceInputs = input.policies.filter((p) => p.policyType === 'resource');
  if (input.resourcePolicy !== undefined) {
    resourceInputs.push(
      typeof input.resourcePolicy === 'string'
        ? { policyId: 'ResourcePolicy', policyType: 'resource', text: input.resourcePolicy }
        : input.resourcePolicy,
    );
  }
  const identity = compileInputs(identityInputs, 'identity');
  const boundary = compileInputs(input.permissionsBoundaries, 'boundary');
  const session = compileInputs(input.sessionPolicies, 'session');
  const resource = compileInputs(resourceInputs, 'resource');
  const sources = new Map([...identity.sources, ...boundary.sources, ...session.sources, ...resource.sources]);
  const policySet: PolicySet = {
    identity: identity.compiled,
    boundary: input.permissionsBoundaries?.length ? boundary.compiled : undefined,
    session: input.sessionPolicies?.length ? session.compiled : undefined,
    resource: resourceInputs.length ? resource.compiled : undefined,
  };
  const context = contextFromEntries(input.contextEntries);
  const callerAccount = accountIdOf(input.callerArn);
  const principal = input.callerArn && callerAccount ? { arn: input.callerArn, accountId: callerAccount } : undefined;
  const resourceAccount = accountIdOf(input.resourceOwner);
  const resources = input.resourceArns && input.resourceArns.length > 0 ? input.resourceArns : ['*'];
  const results: EvaluationResult[] = [];
  const explanations: Explanation[] = [];
  for (const action of input.actionNames) {
    for (const resourceArn of resources) {
      const request: AuthorizationRequest = {
        action,
        resource: resourceArn,
        principal,
        resourceAccount: resourceAccount ?? (resourceArn !== '*' ? accountIdOf(resourceArn) : undefined),
        context,
      };
      const explanation = explain(request, policySet, { allConditions: input.allConditions });
      explanations.push(explanation);
      results.push(toEvaluationResult(explanation, sources, policySet, resourceArn));
    }
  }
  return { results, explanations };
}

function toMatched(outcome: StatementOutcome, sources: Map<string, SourcePolicyType>): MatchedStatement {
  const source = sources.get(outcome.policyId) ?? 'none';
  // As recorded from AWS: a customer managed policy's statement is reported as 'IAM Policy', its start one past the '{'.
  const customerManaged = source === 'user-managed';
  return {
    SourcePolicyId: outcome.policyId,
    SourcePolicyType: customerManaged ? 'IAM Policy' : source,
    StartPosition: { Line: outcome.range.start.line, Column: outcome.range.start.column + (customerManaged ? 1 : 0) },
    EndPosition: { Line: outcome.range.end.line, Column: outcome.range.end.column },
  };
}

/** Shapes one explanation as AWS's EvaluationResult. */
export function toEvaluationResult(
  explanation: Explanation,
  sources: Map<string, SourcePolicyType>,
  policySet: PolicySet,
  resourceArn: string,
): EvaluationResult {
  // AWS lists the deciding statements: every deciding Deny (a permissions boundary's included); a boundary's
  // Allow statements appear only in PermissionsBoundaryDecisionDetail.
  const matched = explanation.decidingStatements
    .filter((o) => o.role !== 'boundary' || o.effect === 'Deny')
    .map((o) => toMatched(o, sources));
  const boundaryDetail = policySet.boundary ? { AllowedByPermissionsBoundary: explanation.boundaryDecision === 'allowed' } : undefined;
  let details: Record<string, Decision> | undefined;
  if (explanation.crossAccount) {
    details = { 'IAM Policy': explanation.identityDecision };
    if (explanation.resourceDecision !== undefined) details['Resource Policy'] = explanation.resourceDecision;
  } else if (resourceArn !== '*') details = {};
  const result: EvaluationResult = {
    EvalActionName: explanation.action,
    EvalResourceName: resourceArn,
    EvalDecision: explanation.decision,
    MatchedStatements: matched,
    MissingContextValues: resourceArn === '*' ? explanation.missingContextKeys : [],
  };
  if (details) result.EvalDecisionDetails = details;
  if (boundaryDetail) result.PermissionsBoundaryDecisionDetail = boundaryDetail;
  if (resourceArn !== '*') {
    const specific: ResourceSpecificResult = {
      EvalResourceName: resourceArn,
      EvalResourceDecision: explanation.decision,
      MatchedStatements: matched,
      MissingContextValues: explanation.missingContextKeys,
    };
    if (explanation.crossAccount && details) specific.EvalDecisionDetails = details;
    if (boundaryDetail) specific.PermissionsBoundaryDecisionDetail = boundaryDetail;
    result.ResourceSpecificResults = [specific];
  }
  return result;
}
