// AWS errors become messages a person can act on.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseAccessDenied, toActionError } from './errors';

function awsError(name: string, message: string, status = 400) {
  return Object.assign(new Error(message), {
    name,
    $fault: status < 500 ? 'client' : 'server',
    $metadata: { httpStatusCode: status, requestId: 'req-1' },
  });
}

describe('toActionError', () => {
  it('names the missing permission of an AccessDenied', () => {
    const error = toActionError(
      awsError(
        'AccessDenied',
        'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:DeleteUser on resource: arn:aws:iam::123456789012:user/alice because no identity-based policy allows the iam:DeleteUser action',
        403,
      ),
    );
    expect(error).toMatchObject({ code: 'AccessDenied', permission: 'iam:DeleteUser' });
    expect(error.message).toContain('iam:DeleteUser on arn:aws:iam::123456789012:user/alice');
  });

  it('names the resource AWS describes by type and name', () => {
    expect(
      parseAccessDenied(
        'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:GetRole on resource: role deploy because no identity-based policy allows the iam:GetRole action',
      ),
    ).toEqual({ permission: 'iam:GetRole', resource: 'role deploy', principal: 'arn:aws:iam::123456789012:user/bob' });
    expect(
      parseAccessDenied(
        'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:GetUser on resource: user alice with an explicit deny in an identity-based policy',
      ).resource,
    ).toBe('user alice');
  });

  it('points a ValidationError at the field', () => {
    const error = toActionError(
      awsError(
        'ValidationError',
        "1 validation error detected: Value 'a b' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      ),
      { UserName: 'name' },
    );
    expect(error).toMatchObject({ code: 'ValidationError', field: 'name' });
    // AWS's current wording names the member without echoing the value.
    const current = toActionError(
      awsError(
        'ValidationError',
        "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      ),
      { UserName: 'name' },
    );
    expect(current).toMatchObject({ code: 'ValidationError', field: 'name' });
  });

  it('keeps AWS messages of other client errors and hides server details', () => {
    expect(toActionError(awsError('NoSuchEntity', 'The user with name x cannot be found.', 404))).toEqual({
      code: 'NoSuchEntity',
      message: 'The user with name x cannot be found.',
    });
    const internal = toActionError(new Error('boom at /srv/secret/path.ts:12'));
    expect(internal.code).toBe('InternalError');
    expect(internal.message).not.toContain('/srv');
  });

  it('uses AWS codes for the modelled errors of the SDK', () => {
    expect(toActionError(awsError('PasswordPolicyViolationException', 'Password should have at least 16 characters')).code).toBe(
      'PasswordPolicyViolation',
    );
    expect(toActionError(awsError('NoSuchEntityException', 'missing', 404)).code).toBe('NoSuchEntity');
  });

  it('reports expired credentials as an expired session and network failures as an unreachable endpoint', () => {
    expect(toActionError(awsError('ExpiredToken', 'The security token included in the request is expired', 403)).code).toBe(
      'SessionExpired',
    );
    expect(toActionError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })).code).toBe(
      'EndpointUnreachable',
    );
  });

  it('maps zod issues to the field', () => {
    const parsed = z.object({ userName: z.string().min(1) }).safeParse({ userName: '' });
    expect(toActionError(parsed.error)).toMatchObject({ code: 'ValidationError', field: 'userName' });
  });

  it('parses AccessDenied messages without a resource', () => {
    expect(parseAccessDenied('User: arn:aws:iam::1:user/x is not authorized to perform: iam:ListUsers')).toMatchObject({
      permission: 'iam:ListUsers',
    });
  });
});
