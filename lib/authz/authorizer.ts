// The authorizer of every IAM and STS call: action, resource and condition keys → lib/policy, AccessDenied with AWS's reasons.
import type { OperationContext, Principal } from '../core/context';
import {
  authorize,
  compilePolicy,
  explain,
  type AuthorizationRequest,
  type Decision,
  type PolicySet,
  type RequestContext,
} from '../policy';
import { AccessDenied } from '../core/errors';
import type { Authorizer } from '../core/pipeline';
import type { Store } from '../store/types';
import { bumpPolicyGeneration, isMutatingIamAction } from './generation';
import { invalidateForPolicyWrite, principalPolicies, type PrincipalPolicies } from './principal-policies';
import { addInputContext, principalContext } from './request-context';
import { dependentChecks, mayHaveDependentChecks, renameTarget, targetResource } from './resources';
import { enforceSessionLimits } from './session-limits';

/** STS actions any authenticated caller may call (AWS: "no permissions are required"); AssumeRole is judged by the operation (trust policy). */
const UNAUTHORIZED_STS_ACTIONS = new Set([
  'GetCallerIdentity',
  'GetSessionToken',
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
]);

/** What a principal whose password must be reset may still do (on itself). */
const PASSWORD_RESET_ACTIONS = new Set(['iam:ChangePassword', 'iam:GetAccountPasswordPolicy', 'iam:GetUser']);

/** The Gatehouse authorizer: the pipeline step plus helpers other parts of the service call. */
export interface GatehouseAuthorizer extends Authorizer {
  /** Authorizes an action that is not an IAM/STS operation (e.g. `cloudtrail:LookupEvents` for the audit route). */
  authorizeAction(ctx: OperationContext, action: string, resource: string, extraContext?: RequestContext): Promise<void>;
}

/** True for principals that policies never restrict. */
export function isUnrestricted(principal: Principal): boolean {
  return principal.type === 'Root' || principal.type === 'System';
}

interface Evaluation {
  decision: Decision;
  request: AuthorizationRequest;
  policySet: PolicySet;
}

// A request's steps share one lookup of the principal's policies (made by their caller), not one lookup each.
function evaluate(
  ctx: OperationContext,
  action: string,
  resource: string,
  context: RequestContext,
  policies: PrincipalPolicies,
): Evaluation {
  const request: AuthorizationRequest = {
    action,
    resource,
    principal: { arn: ctx.principal.arn, accountId: ctx.principal.accountId },
    context,
  };
  return { decision: authorize(request, policies.policySet), request, policySet: policies.policySet };
}

function baseContext(ctx: OperationContext, policies: PrincipalPolicies): RequestContext {
  const { principal, now, sourceIp, userAgent, secureTransport } = ctx;
  return principalContext({ principal, now, sourceIp, userAgent, secureTransport, region: ctx.config.region }, policies);
}

/**
 * AWS's AccessDenied message for a denied request: "User: ARN is not authorized to perform: ACTION on
 * resource: RESOURCE" and the reason (explicit deny and where, or which policy type allowed nothing).
 */
export function accessDeniedMessage(
  principalArn: string,
  evaluation: Evaluation,
  resourceDescription = evaluation.request.resource,
): string {
  const { request } = evaluation;
  const prefix = `User: ${principalArn} is not authorized to perform: ${request.action} on resource: ${resourceDescription}`;
  const explanation = explain(request, evaluation.policySet);
  if (explanation.decision === 'explicitDeny') {
    const roles = new Set(explanation.decidingStatements.filter((s) => s.effect === 'Deny').map((s) => s.role));
    const where = roles.has('identity')
      ? 'an identity-based policy'
      : roles.has('session')
        ? 'a session policy'
        : roles.has('boundary')
          ? 'a permissions boundary'
          : roles.has('resource')
            ? 'a resource-based policy'
            : 'an identity-based policy';
    return `${prefix} with an explicit deny in ${where}`;
  }
  if (explanation.identityDecision !== 'allowed') return `${prefix} because no identity-based policy allows the ${request.action} action`;
  if (explanation.boundaryDecision !== undefined && explanation.boundaryDecision !== 'allowed') {
    return `${prefix} because no permissions boundary allows the ${request.action} action`;
  }
  if (explanation.sessionDecision !== undefined && explanation.sessionDecision !== 'allowed') {
    return `${prefix} because no session policy allows the ${request.action} action`;
  }
  return `${prefix} because no identity-based policy allows the ${request.action} action`;
}

/**
 * The decision of the caller's own policies (identity, permissions boundary, session policies) for an
 * action on a resource. Root and the system principal are always allowed.
 */
export async function evaluateIdentityPolicies(
  ctx: OperationContext,
  action: string,
  resource: string,
  extraContext?: RequestContext,
): Promise<Decision> {
  if (isUnrestricted(ctx.principal)) return 'allowed';
  const policies = await principalPolicies(ctx.store, ctx.principal);
  const context = { ...baseContext(ctx, policies), ...extraContext };
  return evaluate(ctx, action, resource, context, policies).decision;
}

/**
 * True when the caller's identity-based policies (within its boundary and session policies) allow the
 * action, e.g. `sts:AssumeRole` on a role whose trust policy names the account root.
 */
export async function isAllowedByIdentityPolicies(
  ctx: OperationContext,
  action: string,
  resource: string,
  extraContext?: RequestContext,
): Promise<boolean> {
  return (await evaluateIdentityPolicies(ctx, action, resource, extraContext)) === 'allowed';
}

/**
 * The account-level grant of the password policy's `AllowUsersToChangePassword`: "Gives IAM users
 * permissions to iam:ChangePassword for only their user and to the iam:GetAccountPasswordPolicy action"
 * without attaching a policy. Modelled as one more identity-based policy (an explicit deny still wins).
 */
const PASSWORD_POLICY_GRANT = compilePolicy(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'iam:ChangePassword',
        Resource: ['arn:aws:iam::*:user/${aws:username}', 'arn:aws:iam::*:user/*/${aws:username}'],
      },
      { Effect: 'Allow', Action: 'iam:GetAccountPasswordPolicy', Resource: '*' },
    ],
  }),
  { policyId: 'AllowUsersToChangePassword', policyType: 'identity' },
);

async function passwordPolicyGrantApplies(ctx: OperationContext, action: string): Promise<boolean> {
  if (ctx.principal.type !== 'IAMUser') return false;
  if (action !== 'iam:ChangePassword' && action !== 'iam:GetAccountPasswordPolicy') return false;
  // The stored password policy's AllowUsersToChangePassword (read here, so authz does not import the domain).
  const stored = (await ctx.store.account.get())?.passwordPolicy;
  return (
    stored !== undefined &&
    stored !== null &&
    (JSON.parse(stored) as { AllowUsersToChangePassword?: boolean }).AllowUsersToChangePassword === true
  );
}

/** A principal with a stored policy that does not compile is refused everything, naming the policy (fail closed). */
function denyIfUncompilable(ctx: OperationContext, policies: PrincipalPolicies, action: string, resource: string): void {
  const broken = policies.uncompilable;
  if (broken.length === 0) return;
  throw new AccessDenied(
    `User: ${ctx.principal.arn} is not authorized to perform: ${action} on resource: ${resource} because the policy ${broken.join(', ')} cannot be evaluated (it does not compile); access is denied until it is replaced`,
  );
}

async function denyUnlessAllowed(
  ctx: OperationContext,
  policies: PrincipalPolicies,
  action: string,
  resource: string,
  context: RequestContext,
  description = resource,
): Promise<void> {
  denyIfUncompilable(ctx, policies, action, description);
  let evaluation = evaluate(ctx, action, resource, context, policies);
  if (evaluation.decision === 'implicitDeny' && (await passwordPolicyGrantApplies(ctx, action))) {
    const policySet = { ...evaluation.policySet, identity: [...evaluation.policySet.identity, PASSWORD_POLICY_GRANT] };
    evaluation = { ...evaluation, policySet, decision: authorize(evaluation.request, policySet) };
  }
  if (evaluation.decision !== 'allowed') throw new AccessDenied(accessDeniedMessage(ctx.principal.arn, evaluation, description));
}

function checkPasswordReset(ctx: OperationContext, action: string, resource: string, description = resource): void {
  const principal = ctx.principal as Principal & { passwordResetRequired?: boolean };
  if (!principal.passwordResetRequired) return;
  if (PASSWORD_RESET_ACTIONS.has(action) && (resource === principal.arn || resource === '*')) return;
  throw new AccessDenied(
    `User: ${principal.arn} is not authorized to perform: ${action} on resource: ${description} because the user must change the password first (PasswordResetRequired)`,
  );
}

/** Drops what an IAM write can make stale: the policy sets it concerns, or every cached set when it cannot tell. */
function invalidateFor(store: Store, ctx: OperationContext, input: Record<string, unknown>): void {
  if (ctx.service === 'iam' && isMutatingIamAction(ctx.action) && !invalidateForPolicyWrite(store, ctx.action, input))
    bumpPolicyGeneration(store);
}

/** Builds the authorizer of the request pipeline. */
export function createAuthorizer(deps: { store: Store }): GatehouseAuthorizer {
  // A failed group commit undoes writes whose effects may be cached: forget every cached policy set and lookup.
  deps.store.onRollback(() => bumpPolicyGeneration(deps.store));
  // Another instance changed the shared database (or the channel announcing such changes was lost or restored).
  deps.store.onExternalChange(() => bumpPolicyGeneration(deps.store));
  return {
    async authorize(ctx: OperationContext, input: Record<string, unknown>): Promise<void> {
      const principal = ctx.principal;
      enforceSessionLimits(principal, ctx.service, ctx.action);
      if (!isUnrestricted(principal) && !(ctx.service === 'sts' && UNAUTHORIZED_STS_ACTIONS.has(ctx.action))) {
        const action = `${ctx.service}:${ctx.action}`;
        // IAM Access Analyzer's policy actions have no resource types (service authorization reference): '*'.
        const target =
          ctx.service === 'access-analyzer'
            ? { arn: '*', description: '*' }
            : await targetResource(ctx.store, principal, ctx.service, ctx.action, input);
        checkPasswordReset(ctx, action, target.arn, target.description);
        const policies = await principalPolicies(ctx.store, principal);
        const context = await addInputContext(baseContext(ctx, policies), ctx.store, input, target, policies.readsResourceTags);
        await denyUnlessAllowed(ctx, policies, action, target.arn, context, target.description);
        const renamed = ctx.service === 'iam' ? await renameTarget(ctx.store, principal, ctx.action, input) : undefined;
        if (renamed !== undefined && renamed.arn !== target.arn)
          await denyUnlessAllowed(ctx, policies, action, renamed.arn, context, renamed.description);
        if (mayHaveDependentChecks(ctx.service, ctx.action)) {
          for (const check of await dependentChecks(ctx.store, principal, ctx.service, ctx.action, input, target)) {
            const checkContext =
              check.context === 'same'
                ? context
                : await addInputContext(
                    { ...baseContext(ctx, policies), ...check.context },
                    ctx.store,
                    {},
                    check.target,
                    policies.readsResourceTags,
                  );
            await denyUnlessAllowed(ctx, policies, check.action, check.target.arn, checkContext, check.target.description);
          }
        }
      }
      // Bumping before the operation runs makes every request after this one see its writes; `written` bumps
      // again once it has run, for a request that read in between (only possible while a unit awaits).
      invalidateFor(deps.store, ctx, input);
    },
    written(ctx: OperationContext, input: Record<string, unknown>): void {
      invalidateFor(deps.store, ctx, input);
    },
    async authorizeAction(ctx, action, resource, extraContext) {
      if (isUnrestricted(ctx.principal)) return;
      checkPasswordReset(ctx, action, resource);
      const policies = await principalPolicies(ctx.store, ctx.principal);
      await denyUnlessAllowed(ctx, policies, action, resource, { ...baseContext(ctx, policies), ...extraContext });
    },
  };
}
