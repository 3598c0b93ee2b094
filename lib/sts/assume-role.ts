// AssumeRole: temporary credentials of a role session, after the role's trust policy admits the caller;
// duration rules (MaxSessionDuration, one hour when chaining), session policies, session tags, ExternalId, SourceIdentity, MFA.
import { deflateRawSync } from 'node:zlib';
import type { AssumeRoleRequest } from '../core/generated/sts-types';
import { addResourceTags, principalContext, principalPolicies } from '../authz';
import { issueSession } from '../authn/issue-session';
import { assumedRoleArn, entityArn, isParsableArn, parseArn, splitPathAndName } from '../iam/arn';
import type { OperationContext, Principal, StsOperation } from '../core/context';
import { malformedPolicyMessage, type RequestContext } from '../policy';
import { AccessDenied, InvalidParameterValue, MalformedPolicyDocument, PackedPolicyTooLarge, ValidationError } from '../core/errors';
import type { RoleRecord } from '../store/roles';
import { trustAllows } from './trust-policy';
import { acceptMfaCode, deviceOf } from '../iam/mfa/verify-mfa-code';

const DEFAULT_DURATION_SECONDS = 3600;
const CHAINED_MAX_SECONDS = 3600;
/** Bytes of compressed session policies and tags that make 100% of AWS's packed policy allowance (an approximation). */
const PACKED_LIMIT_BYTES = 1536;

function deniedMessage(ctx: OperationContext, roleArn: string, action = 'sts:AssumeRole'): string {
  return `User: ${ctx.principal.arn} is not authorized to perform: ${action} on resource: ${roleArn}`;
}

/** The role named by the ARN, when it exists in this account with that path. */
async function findRole(ctx: OperationContext, roleArn: string): Promise<RoleRecord | undefined> {
  const arn = parseArn(roleArn);
  if (!arn || arn.service !== 'iam' || arn.account !== ctx.principal.accountId) return undefined;
  const parts = splitPathAndName(arn.resource, 'role');
  if (!parts || parts.name === '') return undefined;
  const role = await ctx.store.roles.getByName(parts.name);
  if (!role || role.path !== parts.path) return undefined;
  return role;
}

/**
 * True when the caller is a session (temporary credentials) whose role or user no longer exists: deleted, perhaps
 * re-created since under the same name with a new unique id. AWS keeps a trust policy's role and user principals
 * as unique ids (IAM User Guide, "AWS JSON policy elements: Principal": a principal deleted and re-created is a new
 * principal, and policies naming the old one do not apply to it), so such a session matches no named principal;
 * matching it by ARN would let it act as the re-created entity. Long-term keys of a deleted user are refused when
 * they authenticate.
 */
async function callerIsGone(ctx: OperationContext): Promise<boolean> {
  const caller = ctx.principal;
  if (!caller.temporary) return false;
  if (caller.type === 'AssumedRole') return caller.roleId === undefined || (await ctx.store.roles.getById(caller.roleId)) === undefined;
  return caller.userId !== undefined && (await ctx.store.users.getById(caller.userId)) === undefined;
}

function sessionTags(ctx: OperationContext, input: AssumeRoleRequest): { tags: Record<string, string>; transitive: string[] } {
  const caller = ctx.principal;
  const tags: Record<string, string> = {};
  const lowerSeen = new Set<string>();
  const transitive: string[] = [];
  // Transitive tags of a chained session pass on and cannot be overridden.
  for (const key of caller.transitiveTagKeys ?? []) {
    const value = caller.sessionTags?.[key];
    if (value === undefined) continue;
    tags[key] = value;
    lowerSeen.add(key.toLowerCase());
    transitive.push(key);
  }
  const inherited = new Set(lowerSeen);
  const given = new Set<string>();
  for (const tag of input.Tags ?? []) {
    const lower = tag.Key.toLowerCase();
    if (inherited.has(lower)) {
      throw new InvalidParameterValue(
        "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
      );
    }
    if (given.has(lower)) throw new InvalidParameterValue('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    given.add(lower);
    tags[tag.Key] = tag.Value;
  }
  for (const key of input.TransitiveTagKeys ?? []) {
    if (!given.has(key.toLowerCase())) {
      throw new InvalidParameterValue('The specified transitive tag key must be included in the requested tags.');
    }
    if (!transitive.some((k) => k.toLowerCase() === key.toLowerCase())) transitive.push(key);
  }
  return { tags, transitive };
}

/** AWS's PackedPolicySize: the compressed session policies and tags as a percentage of the allowance. */
function packedPolicySize(input: AssumeRoleRequest): number | undefined {
  if (input.Policy === undefined && !input.PolicyArns?.length && !input.Tags?.length) return undefined;
  const packed = JSON.stringify({
    p: input.Policy?.replace(/\s+/g, ''),
    a: input.PolicyArns?.map((d) => d.arn),
    t: input.Tags?.map((t) => [t.Key, t.Value]),
  });
  return Math.ceil((deflateRawSync(packed).length / PACKED_LIMIT_BYTES) * 100);
}

/**
 * The RoleArn's syntax, checked before anything is authorized: six `:`-separated fields with partition, service
 * and resource non-empty (`arn:a:b:::something/test-role` passes), else AWS's `<arn> is invalid`; then the
 * model's length bounds (the decoder leaves this member to the operation).
 */
function checkRoleArnSyntax(roleArn: string): void {
  if (!isParsableArn(roleArn)) throw new ValidationError(`${roleArn} is invalid`);
  if (roleArn.length < 20) {
    throw new ValidationError(
      "1 validation error detected: Value at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
  }
  if (roleArn.length > 2048) {
    throw new ValidationError(
      "1 validation error detected: Value at 'roleArn' failed to satisfy constraint: Member must have length less than or equal to 2048",
    );
  }
}

export const assumeRole: StsOperation<'AssumeRole'> = async (ctx, input) => {
  const caller = ctx.principal;
  const roleArn = input.RoleArn;
  const sessionName = input.RoleSessionName;
  checkRoleArnSyntax(roleArn);
  if (caller.type === 'Root') throw new AccessDenied('Roles may not be assumed by root accounts.');
  if (caller.passwordResetRequired) {
    throw new AccessDenied(
      `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn} because the user must change the password first (PasswordResetRequired)`,
    );
  }
  const role = await findRole(ctx, roleArn);
  if (!role || (await callerIsGone(ctx))) throw new AccessDenied(deniedMessage(ctx, roleArn));

  const chained = caller.type === 'AssumedRole';
  const duration = input.DurationSeconds ?? DEFAULT_DURATION_SECONDS;
  if (chained && duration > CHAINED_MAX_SECONDS) {
    throw new ValidationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  if (duration > role.maxSessionDuration) {
    throw new ValidationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  if (input.Policy !== undefined) {
    const problem = malformedPolicyMessage(input.Policy, 'session');
    if (problem) throw new MalformedPolicyDocument(problem);
  }
  if ((input.PolicyArns?.length ?? 0) > 10) throw new ValidationError('PolicyArns may name at most 10 managed policies.');
  for (const descriptor of input.PolicyArns ?? []) {
    if (!descriptor.arn || !parseArn(descriptor.arn)) throw new InvalidParameterValue(`Invalid policy ARN: ${descriptor.arn ?? ''}`);
  }
  if (caller.sourceIdentity !== undefined && input.SourceIdentity !== undefined && input.SourceIdentity !== caller.sourceIdentity) {
    throw new AccessDenied('SourceIdentity cannot be changed once set on a role session.');
  }
  const sourceIdentity = caller.sourceIdentity ?? input.SourceIdentity;
  const { tags, transitive } = sessionTags(ctx, input);

  let mfaAuthenticated = caller.mfaAuthenticated === true;
  let mfaAuthTime = caller.mfaAuthTime;
  if (input.SerialNumber !== undefined || input.TokenCode !== undefined) {
    const device = input.SerialNumber ? await deviceOf(ctx.store, input.SerialNumber, caller.userId) : undefined;
    if (!device || !input.TokenCode || !(await acceptMfaCode(ctx, device, input.TokenCode, ctx.now))) {
      throw new AccessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
    }
    mfaAuthenticated = true;
    mfaAuthTime = ctx.now;
  }

  // The trust policy's request context: the caller's keys, the role's tags (its resource tags, which the caller's
  // policies may test as in AWS's "Assume roles that have a specific tag") plus what this request sets.
  const context: RequestContext = principalContext({ ...ctx, region: ctx.config.region }, await principalPolicies(ctx.store, caller));
  await addResourceTags(context, ctx.store, { kind: 'role', id: role.roleId });
  context['sts:RoleSessionName'] = sessionName;
  if (mfaAuthenticated) {
    context['aws:MultiFactorAuthPresent'] = 'true';
    if (mfaAuthTime) context['aws:MultiFactorAuthAge'] = String(Math.floor((ctx.now.getTime() - mfaAuthTime.getTime()) / 1000));
  }
  if (input.ExternalId !== undefined) context['sts:ExternalId'] = input.ExternalId;
  if (input.SourceIdentity !== undefined) context['sts:SourceIdentity'] = input.SourceIdentity;
  const tagKeys = Object.keys(tags);
  if (tagKeys.length > 0) {
    for (const key of tagKeys) context[`aws:RequestTag/${key}`] = tags[key];
    context['aws:TagKeys'] = tagKeys;
  }
  if (transitive.length > 0) context['sts:TransitiveTagKeys'] = transitive;

  const arn = entityArn(caller.accountId, 'role', role.path, role.roleName);
  if (!(await trustAllows(ctx, role.assumeRolePolicy, arn, 'sts:AssumeRole', context))) throw new AccessDenied(deniedMessage(ctx, arn));
  if (input.Tags?.length && !(await trustAllows(ctx, role.assumeRolePolicy, arn, 'sts:TagSession', context))) {
    throw new AccessDenied(deniedMessage(ctx, arn, 'sts:TagSession'));
  }
  if (
    input.SourceIdentity !== undefined &&
    caller.sourceIdentity === undefined &&
    !(await trustAllows(ctx, role.assumeRolePolicy, arn, 'sts:SetSourceIdentity', context))
  ) {
    throw new AccessDenied(deniedMessage(ctx, arn, 'sts:SetSourceIdentity'));
  }
  const packed = packedPolicySize(input);
  if (packed !== undefined && packed > 100) {
    throw new PackedPolicyTooLarge(`Packed policy consumes ${packed}% of allotted space, please use smaller policy.`);
  }

  const principal: Principal = {
    type: 'AssumedRole',
    accountId: caller.accountId,
    arn: assumedRoleArn(caller.accountId, role.roleName, sessionName),
    principalId: `${role.roleId}:${sessionName}`,
    roleName: role.roleName,
    roleId: role.roleId,
    roleArn: arn,
    sessionName,
    mfaAuthenticated,
    mfaAuthTime: mfaAuthenticated ? mfaAuthTime : undefined,
    sessionPolicies: input.Policy !== undefined ? [input.Policy] : undefined,
    sessionPolicyArns: input.PolicyArns?.length ? input.PolicyArns.map((d) => d.arn!) : undefined,
    sessionTags: tagKeys.length > 0 ? tags : undefined,
    transitiveTagKeys: transitive.length > 0 ? transitive : undefined,
    sourceIdentity,
    roleChainDepth: chained ? (caller.roleChainDepth ?? 0) + 1 : 0,
  };
  const { credentials } = await issueSession(ctx, principal, ctx.now, duration);
  await ctx.store.roles.recordUse(role.roleId, ctx.now.toISOString(), ctx.config.region);
  return {
    Credentials: credentials,
    AssumedRoleUser: { AssumedRoleId: principal.principalId, Arn: principal.arn },
    PackedPolicySize: packed,
    SourceIdentity: sourceIdentity,
  };
};
