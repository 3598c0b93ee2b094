// What every IAM and STS operation receives: the calling principal, the store and the request's facts.
import type { Store } from '../store/types';
import type { ServiceConfig } from '../config';
import type { SecretBox } from '../crypto/secrets';

/** The kinds of caller, spelled as CloudTrail's `userIdentity.type`. */
export type PrincipalType = 'Root' | 'IAMUser' | 'AssumedRole' | 'FederatedUser' | 'WebIdentityUser' | 'SAMLUser' | 'System';

/** The authenticated caller of a request. `System` is Gatehouse itself (bootstrap, demo data). */
export interface Principal {
  type: PrincipalType;
  accountId: string;
  /** `arn:aws:iam::ACCOUNT:root`, the user's ARN, or `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`. */
  arn: string;
  /** Account ID for root, `AIDA…` for a user, `AROA…:session` for a role session. */
  principalId: string;
  userName?: string;
  /** A user's id; for a FederatedUser, the id of the IAM user that called GetFederationToken (none for root). */
  userId?: string;
  roleName?: string;
  roleId?: string;
  roleArn?: string;
  sessionName?: string;
  /** The access key that signed the request (long-term `AKIA…` or temporary `ASIA…`). */
  accessKeyId?: string;
  /** True when the credentials are temporary (STS session or console session). */
  temporary?: boolean;
  mfaAuthenticated?: boolean;
  mfaAuthTime?: Date;
  tokenIssueTime?: Date;
  /** Session policies (JSON documents) that narrow a temporary session. */
  sessionPolicies?: string[];
  /** Managed policy ARNs passed as session policies. */
  sessionPolicyArns?: string[];
  sessionTags?: Record<string, string>;
  sourceIdentity?: string;
  /** Length of a role chain that produced this session (0 for a first AssumeRole). */
  roleChainDepth?: number;
  /** Session tag keys that pass on to sessions of roles this session assumes (TransitiveTagKeys). */
  transitiveTagKeys?: string[];
  /** When the session expires (temporary credentials only). */
  expiration?: Date;
  /** A console session of a user whose password must be changed: only ChangePassword is allowed. */
  passwordResetRequired?: boolean;
}

/** Facts about one request that operations and the authorizer may need. */
export interface OperationContext {
  principal: Principal;
  store: Store;
  config: ServiceConfig;
  /** Seals and opens stored secrets (access key secrets, MFA seeds). */
  secrets: SecretBox;
  requestId: string;
  now: Date;
  sourceIp: string;
  userAgent: string;
  secureTransport: boolean;
  /** The service ('iam', 'sts' or 'access-analyzer') and action name of the request. */
  service: 'iam' | 'sts' | 'access-analyzer';
  action: string;
}

/** An operation: typed input in, typed output out, or a thrown `AwsError`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped by default until operations get input and output types generated from the service models (issue 13)
export type Operation<I = any, O = any> = (ctx: OperationContext, input: I) => O;

/** The system principal Gatehouse uses for its own writes (bootstrap, demo data). */
export function systemPrincipal(accountId: string): Principal {
  return { type: 'System', accountId, arn: `arn:aws:iam::${accountId}:root`, principalId: accountId };
}

/** The root user of an account. */
export function rootPrincipal(accountId: string, accessKeyId?: string): Principal {
  return { type: 'Root', accountId, arn: `arn:aws:iam::${accountId}:root`, principalId: accountId, accessKeyId };
}
