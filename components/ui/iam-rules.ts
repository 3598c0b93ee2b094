// IAM's rules for names, paths and tags, checked in the browser before a request: a plain sentence saying what to
// change. The service stays the authority (it checks again, and its message is shown when it refuses).

const NAME = /^[\w+=,.@-]+$/;
const PATH_CHARS = /^[\u0021-\u007E]*$/;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Why `name` is not a valid IAM name of this kind (max length per kind: user 64, group 128, role 64, policy 128), or undefined. */
export function nameProblem(
  name: string,
  kind: 'user' | 'group' | 'role' | 'policy',
  maxLength = kind === 'user' || kind === 'role' ? 64 : 128,
): string | undefined {
  if (name.length === 0) return `Enter a ${kind} name.`;
  if (name.length > maxLength) return `A ${kind} name has at most ${maxLength} characters (this one has ${name.length}).`;
  if (!NAME.test(name)) {
    const bad = [...new Set([...name].filter((c) => !NAME.test(c)))].map((c) => (c === ' ' ? 'spaces' : `“${c}”`)).join(', ');
    return `A ${kind} name uses only letters, digits and + = , . @ _ - (not ${bad}).`;
  }
  return undefined;
}

/** Why `path` is not a valid IAM path, or undefined. */
export function pathProblem(path: string): string | undefined {
  if (path === '/') return undefined;
  if (!path.startsWith('/') || !path.endsWith('/') || path.length < 3)
    return 'A path starts and ends with /, like /engineering/ or /division/team/ (just / for none).';
  if (path.length > 512) return `A path has at most 512 characters (this one has ${path.length}).`;
  if (!PATH_CHARS.test(path)) return 'A path uses only printable ASCII characters without spaces.';
  return undefined;
}

/** Why a set of tags would be refused (index of the row at fault, and why), or undefined. */
export function tagsProblem(
  tags: Array<{ key: string; value: string }>,
  max = 50,
): { index?: number; field?: 'key' | 'value'; message: string } | undefined {
  if (tags.length > max) return { message: `At most ${max} tags (there are ${tags.length}).` };
  const seen = new Map<string, number>();
  for (let i = 0; i < tags.length; i++) {
    const { key, value } = tags[i]!;
    if (key.length === 0) return { index: i, field: 'key', message: 'Enter a key (or remove the row).' };
    if (key.length > 128) return { index: i, field: 'key', message: `A tag key has at most 128 characters (this one has ${key.length}).` };
    if (key.toLowerCase().startsWith('aws:')) return { index: i, field: 'key', message: 'Keys starting with aws: are reserved for AWS.' };
    if (!TAG_CHARS.test(key)) return { index: i, field: 'key', message: 'A tag key uses only letters, digits, spaces and _ . : / = + - @' };
    if (value.length > 256)
      return { index: i, field: 'value', message: `A tag value has at most 256 characters (this one has ${value.length}).` };
    if (!TAG_CHARS.test(value))
      return { index: i, field: 'value', message: 'A tag value uses only letters, digits, spaces and _ . : / = + - @' };
    const lower = key.toLowerCase();
    if (seen.has(lower)) return { index: i, field: 'key', message: `The key ${key} is used twice (keys are compared without case).` };
    seen.set(lower, i);
  }
  return undefined;
}
