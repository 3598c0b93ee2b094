// Validation rules IAM applies beyond the service model's shapes: names, paths, tags, quotas — with AWS's messages.
import { InvalidInput, LimitExceeded, ValidationError } from '../core/errors';
import type { Tag } from '../store/tags';

/** AWS's default quotas (IAM-FACTS.md). */
export const QUOTAS = {
  usersPerAccount: 5000,
  groupsPerAccount: 300,
  rolesPerAccount: 1000,
  customerManagedPoliciesPerAccount: 1500,
  instanceProfilesPerAccount: 1000,
  groupsPerUser: 10,
  managedPoliciesPerPrincipal: 10,
  accessKeysPerUser: 2,
  tagsPerEntity: 50,
  versionsPerPolicy: 5,
  mfaDevicesPerUser: 8,
  inlinePolicyBytes: { user: 2048, group: 5120, role: 10240 },
  managedPolicyBytes: 6144,
  trustPolicyBytes: 2048,
  rolesPerInstanceProfile: 1,
} as const;

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;

/** Checks an entity name (user, group, role, policy, instance profile) against AWS's pattern and length. */
export function validateName(value: string, field: string, maxLength: number): void {
  if (value.length < 1 || value.length > maxLength) {
    throw new ValidationError(
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${maxLength}`,
    );
  }
  if (!NAME.test(value)) {
    throw new ValidationError(
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
    );
  }
}

/** Checks a path (`/` or `/a/b/`, at most 512 characters), with AWS's own message for a bad one. */
export function validatePath(path: string, field = 'path'): void {
  if (path.length > 512 || !PATH.test(path)) {
    throw new ValidationError(
      `The specified value for ${field} is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`,
    );
  }
}

/** Checks tags to be added to an entity that already has `existingKeys`. */
export function validateTags(tags: Tag[], existingKeys: string[] = []): void {
  const seen = new Set<string>();
  for (const tag of tags) {
    const lower = tag.Key.toLowerCase();
    if (seen.has(lower)) throw new InvalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(lower);
    if (tag.Key.toLowerCase().startsWith('aws:'))
      throw new InvalidInput(`Tag keys starting with 'aws:' are reserved for AWS use: ${tag.Key}`);
  }
  const total = new Set([...existingKeys.map((k) => k.toLowerCase()), ...seen]).size;
  if (total > QUOTAS.tagsPerEntity) {
    throw new LimitExceeded('The number of tags has reached the maximum limit.');
  }
}

/** Counts a policy document's size as AWS does: characters other than whitespace. */
export function policySize(document: string): number {
  let n = 0;
  for (let i = 0; i < document.length; i++) {
    const c = document.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) n++;
  }
  return n;
}
