// Kinds of IAM actions that the request pipeline's caches (lib/authn, lib/authz) need to tell apart.

/** Read-only families: they change nothing any cache holds. */
export function isReadOnlyIamAction(action: string): boolean {
  return /^(Get|List|Simulate|Generate)/.test(action);
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
  return /^(CreatePolicy|CreatePolicyVersion|DeletePolicyVersion|SetDefaultPolicyVersion|(Put|Delete)(User|Group|Role)Policy|UpdateAssumeRolePolicy)$/.test(action);
}
