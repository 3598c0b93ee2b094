// Kinds of IAM and STS actions that the request pipeline needs to tell apart: which only read (the store runs
// them without the write lock), which change nothing a cache holds (lib/authn, lib/authz), which are pure creations.

/** STS actions that only read; every other one issues credentials (GetSessionToken, GetFederationToken, AssumeRole…). */
const STS_READS = new Set(['GetCallerIdentity', 'GetAccessKeyInfo', 'DecodeAuthorizationMessage']);

/**
 * Whether an action only reads the store, so it may run without the write lock. A mistake is safe only in the
 * conservative direction: when in doubt an action is a write. IAM's Generate… actions write (they start a report).
 */
export function isReadOnlyAction(service: 'iam' | 'sts', action: string): boolean {
  if (service === 'sts') return STS_READS.has(action);
  return /^(Get|List|Simulate)/.test(action);
}

/** IAM actions that change nothing any cache holds: the reads, and the Generate… report jobs. */
export function isReadOnlyIamAction(action: string): boolean {
  return isReadOnlyAction('iam', action) || action.startsWith('Generate');
}

/**
 * Creations of an entity that starts with nothing attached and no members: no cached policy set, key or
 * principal can depend on it (caches hold only entities that exist). CreatePolicy is not one: a session's
 * PolicyArns may name a policy before it exists.
 */
export function isPureCreation(action: string): boolean {
  return /^Create(User|Group|Role|InstanceProfile)$/.test(action);
}

/**
 * Writes of one policy document (managed policies and their versions, inline policies, trust policies): they
 * change no access key, user, role name or path, session or tag, only what some principals are allowed.
 */
export function isPolicyDocumentWrite(action: string): boolean {
  return /^(CreatePolicy|CreatePolicyVersion|DeletePolicyVersion|SetDefaultPolicyVersion|(Put|Delete)(User|Group|Role)Policy|UpdateAssumeRolePolicy)$/.test(
    action,
  );
}
