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
