// What each kind of temporary session may call, by how it was issued; and how sessions stored before that was
// recorded are told apart.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../core/context';
import { enforceSessionLimits, sessionIssuerOf } from './session-limits';

const user: Principal = {
  type: 'IAMUser',
  accountId: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/alice',
  principalId: 'AIDAEXAMPLE',
  userId: 'AIDAEXAMPLE',
  userName: 'alice',
};
const noMfaSession: Principal = { ...user, temporary: true, issuedBy: 'GetSessionToken', mfaAuthenticated: false };
const mfaSession: Principal = { ...user, temporary: true, issuedBy: 'GetSessionToken', mfaAuthenticated: true };
const consoleSession: Principal = { ...user, temporary: true, issuedBy: 'ConsoleSignIn' };
const federated: Principal = {
  type: 'FederatedUser',
  accountId: '123456789012',
  arn: 'arn:aws:sts::123456789012:federated-user/bob',
  principalId: '123456789012:bob',
  temporary: true,
  issuedBy: 'GetFederationToken',
};

function refusal(principal: Principal, service: string, action: string): string | undefined {
  try {
    enforceSessionLimits(principal, service, action);
    return undefined;
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

const INVALID_TOKEN = 'InvalidClientTokenId: The security token included in the request is invalid';

describe('GetSessionToken sessions without MFA', () => {
  it('may not call IAM, however their policies read (the root user included)', () => {
    expect(refusal(noMfaSession, 'iam', 'ListUsers')).toBe(INVALID_TOKEN);
    expect(refusal(noMfaSession, 'iam', 'CreateUser')).toBe(INVALID_TOKEN);
    const root: Principal = { type: 'Root', accountId: '123456789012', arn: 'arn:aws:iam::123456789012:root', principalId: '123456789012' };
    expect(refusal({ ...root, temporary: true, issuedBy: 'GetSessionToken', mfaAuthenticated: false }, 'iam', 'ListUsers')).toBe(
      INVALID_TOKEN,
    );
  });

  it('may call STS AssumeRole and GetCallerIdentity only', () => {
    expect(refusal(noMfaSession, 'sts', 'AssumeRole')).toBeUndefined();
    expect(refusal(noMfaSession, 'sts', 'GetCallerIdentity')).toBeUndefined();
    expect(refusal(noMfaSession, 'sts', 'GetAccessKeyInfo')).toBe('AccessDenied: Cannot call GetAccessKeyInfo with session credentials');
    expect(refusal(noMfaSession, 'sts', 'DecodeAuthorizationMessage')).toMatch(/^AccessDenied/);
    expect(refusal(noMfaSession, 'sts', 'GetFederationToken')).toMatch(/^AccessDenied/);
  });

  it('are not limited for Access Analyzer', () => {
    expect(refusal(noMfaSession, 'access-analyzer', 'ValidatePolicy')).toBeUndefined();
  });
});

describe('GetSessionToken sessions with MFA', () => {
  it('may call IAM, and STS as sessions without MFA', () => {
    expect(refusal(mfaSession, 'iam', 'CreateUser')).toBeUndefined();
    expect(refusal(mfaSession, 'sts', 'AssumeRole')).toBeUndefined();
    expect(refusal(mfaSession, 'sts', 'GetAccessKeyInfo')).toMatch(/^AccessDenied/);
  });
});

describe('GetFederationToken sessions', () => {
  it('may call no IAM API and no STS API but GetCallerIdentity', () => {
    expect(refusal(federated, 'iam', 'ListUsers')).toBe(INVALID_TOKEN);
    expect(refusal({ ...federated, mfaAuthenticated: true }, 'iam', 'ListUsers')).toBe(INVALID_TOKEN);
    expect(refusal(federated, 'sts', 'GetCallerIdentity')).toBeUndefined();
    expect(refusal(federated, 'sts', 'AssumeRole')).toBe('AccessDenied: Cannot call AssumeRole with session credentials');
    expect(refusal(federated, 'sts', 'GetAccessKeyInfo')).toMatch(/^AccessDenied/);
  });
});

describe('sessions AWS does not limit this way', () => {
  it('console sessions, long-term keys and role sessions may call IAM and STS', () => {
    const role: Principal = {
      type: 'AssumedRole',
      accountId: '123456789012',
      arn: 'arn:aws:sts::123456789012:assumed-role/r/s',
      principalId: 'AROAEXAMPLE:s',
      temporary: true,
      mfaAuthenticated: false,
    };
    for (const principal of [consoleSession, user, role]) {
      expect(refusal(principal, 'iam', 'CreateUser')).toBeUndefined();
      expect(refusal(principal, 'sts', 'GetAccessKeyInfo')).toBeUndefined();
    }
  });
});

describe('sessions stored before issuedBy was recorded', () => {
  it('are told apart by what their issuers always wrote', () => {
    const { issuedBy: _a, ...legacyNoMfa } = noMfaSession;
    const { issuedBy: _b, ...legacyConsole } = consoleSession;
    const { issuedBy: _c, ...legacyFederated } = federated;
    expect(sessionIssuerOf(legacyNoMfa)).toBe('GetSessionToken');
    expect(sessionIssuerOf(legacyConsole)).toBe('ConsoleSignIn');
    expect(sessionIssuerOf(legacyFederated)).toBe('GetFederationToken');
    expect(refusal(legacyNoMfa, 'iam', 'ListUsers')).toBe(INVALID_TOKEN);
    expect(refusal(legacyFederated, 'iam', 'ListUsers')).toBe(INVALID_TOKEN);
    expect(refusal(legacyConsole, 'iam', 'ListUsers')).toBeUndefined();
  });
});
