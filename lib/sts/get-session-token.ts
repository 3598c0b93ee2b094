// GetSessionToken: temporary credentials for an IAM user or the root user, optionally MFA-authenticated.
import { issueSession } from '../authn/issue-session';
import type { Principal, StsOperation } from '../core/context';
import { AccessDenied, ValidationError } from '../core/errors';
import { acceptMfaCode, deviceOf } from '../iam/mfa/verify-mfa-code';

const USER_DEFAULT_SECONDS = 43200;
/** AWS: sessions of the account's root user last at most one hour (longer requests are cut to one hour). */
const ROOT_MAX_SECONDS = 3600;

export const getSessionToken: StsOperation<'GetSessionToken'> = async (ctx, input) => {
  const caller = ctx.principal;
  if (caller.temporary || (caller.type !== 'IAMUser' && caller.type !== 'Root')) {
    throw new AccessDenied('Cannot call GetSessionToken with session credentials');
  }
  let duration = input.DurationSeconds ?? (caller.type === 'Root' ? ROOT_MAX_SECONDS : USER_DEFAULT_SECONDS);
  if (caller.type === 'Root') duration = Math.min(duration, ROOT_MAX_SECONDS);

  let mfa: Pick<Principal, 'mfaAuthenticated' | 'mfaAuthTime'> = { mfaAuthenticated: false };
  if (input.SerialNumber !== undefined || input.TokenCode !== undefined) {
    if (input.SerialNumber === undefined || input.TokenCode === undefined) {
      throw new ValidationError('SerialNumber and TokenCode must be provided together.');
    }
    const device = await deviceOf(ctx.store, input.SerialNumber, caller.type === 'Root' ? undefined : caller.userId);
    if (!device) {
      throw new AccessDenied(
        'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.',
      );
    }
    if (!(await acceptMfaCode(ctx, device, input.TokenCode, ctx.now))) {
      throw new AccessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
    }
    mfa = { mfaAuthenticated: true, mfaAuthTime: ctx.now };
  }
  const { accessKeyId: _longTermKey, ...identity } = caller;
  const { credentials } = await issueSession(ctx, { ...identity, ...mfa, issuedBy: 'GetSessionToken' }, ctx.now, duration);
  return { Credentials: credentials };
};
