// ARNs of IAM entities, as AWS builds them (the path is part of the ARN; session ARNs carry no path).

export type EntityKind = 'user' | 'group' | 'role' | 'policy' | 'instance-profile' | 'mfa';

/** `arn:aws:iam::ACCOUNT:user/path/name` and the like. */
export function entityArn(accountId: string, kind: EntityKind, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:${kind}${path}${name}`;
}

/** `arn:aws:iam::ACCOUNT:root`. */
export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

/** `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`. */
export function assumedRoleArn(accountId: string, roleName: string, sessionName: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
}

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits an ARN into its five parts; undefined when it is not an ARN. */
export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
}

/** For `arn:aws:iam::ACCT:policy/path/Name`: `{ path: '/path/', name: 'Name' }`. */
export function splitPathAndName(resource: string, kind: string): { path: string; name: string } | undefined {
  if (!resource.startsWith(`${kind}/`)) return undefined;
  const rest = resource.slice(kind.length);
  const slash = rest.lastIndexOf('/');
  return { path: rest.slice(0, slash + 1), name: rest.slice(slash + 1) };
}

/** True for a string AWS can parse as an ARN: six `:`-separated fields, partition, service and resource non-empty. */
export function isParsableArn(arn: string): boolean {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && parts[1] !== '' && parts[2] !== '' && parts.slice(5).join(':') !== '';
}
