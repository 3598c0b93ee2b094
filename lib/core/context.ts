// What every IAM and STS operation receives: the calling principal, the store and the request's facts.
import type { Store } from '../store/types';
import type { ServiceConfig } from '../config';
import type { SecretBox } from '../crypto/secrets';
import type { IamOperationName, IamOperationTypes } from './generated/iam-types';
import type { StsOperationName, StsOperationTypes } from './generated/sts-types';

/** The kinds of caller, spelled as CloudTrail's `userIdentity.type`. */
export type PrincipalType = 'Root' | 'IAMUser' | 'AssumedRole' | 'FederatedUser' | 'WebIdentityUser' | 'SAMLUser' | 'System';

/**
 * The API that issued a temporary session, where AWS limits what the session may call by it
 * (lib/authz/session-limits.ts). `ConsoleSignIn` is the console's password sign-in.
 */
export type SessionIssuer = 'ConsoleSignIn' | 'GetSessionToken' | 'GetFederationToken';

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
  /** How a temporary user, root or federated-user session was issued (absent on sessions stored before it was recorded). */
  issuedBy?: SessionIssuer;
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
  /** Password work done off the event loop before the operation's unit (see `Operation.prepare`). */
  passwords?: PasswordWork;
}

/**
 * scrypt results computed before an operation's store unit, on libuv's thread pool: each costs ~50 ms of CPU, which
 * must neither block the event loop nor run inside a unit (a unit awaits nothing but its store; docs/STORAGE.md).
 */
export interface PasswordWork {
  /** New password hashes, by plaintext. */
  hashes: Map<string, string>;
  /** Whether a plaintext matches a stored hash, by `plaintext \0 stored hash`. */
  verdicts: Map<string, boolean>;
}

/**
 * An operation: typed input in, typed output out, or a thrown `AwsError`. `prepare`, when present, runs after
 * authorization and before the operation's unit, for work that must not run inside it (password hashing); what it
 * computes is advice the operation re-checks or recomputes when absent, never a decision taken outside the unit.
 */
export type Operation<I, O> = ((ctx: OperationContext, input: I) => Promise<OperationResult<O>>) & {
  prepare?: (ctx: OperationContext, input: I) => Promise<PasswordWork>;
};

/** What an operation resolves to: its output, or anything (ignored) for an operation AWS answers with no output. */
export type OperationResult<O> = [O] extends [void] ? unknown : O;

/** An IAM operation, its input and output typed from the service model (lib/core/generated/iam-types.ts). */
export type IamOperation<N extends IamOperationName> = Operation<IamOperationTypes[N]['input'], IamOperationTypes[N]['output']>;

/** An STS operation, its input and output typed from the service model (lib/core/generated/sts-types.ts). */
export type StsOperation<N extends StsOperationName> = Operation<StsOperationTypes[N]['input'], StsOperationTypes[N]['output']>;

/**
 * An IAM operation whose input is typed from the model but whose output is not yet checked against it: the
 * operations that return something the generated output type does not accept (a member the model calls required
 * left out, or a value built from an untyped helper). `grep -rn UncheckedIamOperation lib` lists them.
 */
export type UncheckedIamOperation<N extends IamOperationName> = Operation<IamOperationTypes[N]['input'], unknown>;

/** IAM operations by action name, each typed as its model says (output unchecked only where declared so). */
export type IamOperationTable = { [N in IamOperationName]?: IamOperation<N> | UncheckedIamOperation<N> };

/** STS operations by action name, each typed as its model says. */
export type StsOperationTable = { [N in StsOperationName]?: StsOperation<N> };

/** An operation as the wire layer calls it by action name, with the input it decoded. */
export type WireOperation = Operation<Record<string, unknown>, Record<string, unknown> | undefined>;

/** Operations by action name, as the wire layer dispatches them. */
export type WireOperations = Readonly<Record<string, WireOperation>>;

/**
 * The wire layer's view of a typed operation table. Sound because the query decoder (lib/protocol/query.ts) checks
 * the input against the same model shape the types are generated from — required members present, member types
 * right — before it calls the operation.
 */
export function wireOperations(table: IamOperationTable | StsOperationTable): WireOperations {
  return table as unknown as WireOperations;
}

/** The system principal Gatehouse uses for its own writes (bootstrap, demo data). */
export function systemPrincipal(accountId: string): Principal {
  return { type: 'System', accountId, arn: `arn:aws:iam::${accountId}:root`, principalId: accountId };
}

/** The root user of an account. */
export function rootPrincipal(accountId: string, accessKeyId?: string): Principal {
  return { type: 'Root', accountId, arn: `arn:aws:iam::${accountId}:root`, principalId: accountId, accessKeyId };
}
