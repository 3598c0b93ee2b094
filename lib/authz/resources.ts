// The resource ARN AWS authorizes each IAM and STS operation against, and the target entity behind it.
import { BoundedCache } from '../core/bounded-cache';
import type { Principal } from '../core/context';
import type { Store, TaggableKind } from '../store/types';
import { resolveEntityArn } from './entity-arn';
import { policyGeneration } from './generation';

/** What a request acts on: the ARN policies are matched against, and the entity (for its tags and boundary). */
export interface TargetResource {
  arn: string;
  /** Where the target's tags live (`aws:ResourceTag/*`), when it exists and is taggable. */
  tagSource?: { kind: TaggableKind; id: string };
  /** The target user's or role's permissions boundary (`iam:PermissionsBoundary`). */
  boundaryArn?: string;
  /**
   * How AccessDenied names the resource, built from the request alone (`user bob`, `role r`, `policy ARN`) as AWS
   * does, so a refusal reads the same whether or not the entity exists and never reveals its path. Absent: the ARN.
   */
  description?: string;
}

type Input = Record<string, unknown>;

const ANY: TargetResource = { arn: '*' };

/** Operations whose `UserName` is optional and defaults to the calling user. */
const SELF_USER_ACTIONS = new Set([
  'GetUser',
  'ChangePassword',
  'ListAccessKeys',
  'CreateAccessKey',
  'DeleteAccessKey',
  'UpdateAccessKey',
  'ListSSHPublicKeys',
  'ListSigningCertificates',
  'UploadSigningCertificate',
  'DeleteSigningCertificate',
  'UpdateSigningCertificate',
  'ListServiceSpecificCredentials',
  'ResetServiceSpecificCredential',
  'UpdateServiceSpecificCredential',
  'DeleteServiceSpecificCredential',
  'ListMFADevices',
  'GetLoginProfile',
]);

/** Operations on a group that also name a user: the group is the resource. */
const GROUP_FIRST_ACTIONS = new Set(['AddUserToGroup', 'RemoveUserFromGroup']);
/** Operations on an instance profile that also name a role: the instance profile is the resource. */
const PROFILE_FIRST_ACTIONS = new Set(['AddRoleToInstanceProfile', 'RemoveRoleFromInstanceProfile']);
/** Operations whose `PolicySourceArn` or `Arn` names the entity acted on. */
const ARN_INPUT: Record<string, string> = {
  SimulatePrincipalPolicy: 'PolicySourceArn',
  GetContextKeysForPrincipalPolicy: 'PolicySourceArn',
  GenerateServiceLastAccessedDetails: 'Arn',
  ListPoliciesGrantingServiceAccess: 'Arn',
};

function str(input: Input, key: string): string | undefined {
  const value = input[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function iamArn(accountId: string, resource: string): string {
  return `arn:aws:iam::${accountId}:${resource}`;
}

const LOOKUP_LIMIT = 50_000;
/** Per store; each entry remembers its generation, so a new generation needs no clearing (stale entries age out). */
const lookups = new WeakMap<Store, BoundedCache<string, { generation: number; target: TargetResource }>>();

/**
 * Entity lookups (ARN with path, tags' location, boundary) memoised within one policy generation: every IAM
 * write that can change an existing entity bumps the generation, so a rename, move, deletion or boundary change
 * is seen by the next request. Only entities that exist are memoised: creating one (which bumps nothing, see
 * generation.ts) is seen at once because its absence was never remembered.
 */
async function memoised(
  store: Store,
  key: string,
  lookUp: () => Promise<TargetResource | undefined>,
  missing: () => TargetResource,
): Promise<TargetResource> {
  const generation = policyGeneration(store);
  let cache = lookups.get(store.root);
  if (cache === undefined) {
    cache = new BoundedCache(LOOKUP_LIMIT);
    lookups.set(store.root, cache);
  }
  const cached = cache.get(key);
  if (cached !== undefined && cached.generation === generation) return cached.target;
  const target = await lookUp();
  if (target === undefined) return missing();
  cache.set(key, { generation, target });
  return target;
}

function described(description: string, target: TargetResource): TargetResource {
  // Written out rather than spread: this runs on every request, and a literal of one shape is the cheaper copy.
  return { arn: target.arn, tagSource: target.tagSource, boundaryArn: target.boundaryArn, description };
}

async function userTarget(store: Store, accountId: string, userName: string): Promise<TargetResource> {
  return described(
    `user ${userName}`,
    await memoised(
      store,
      `user:${userName.toLowerCase()}`,
      () => lookUpUser(store, accountId, userName),
      () => ({ arn: iamArn(accountId, `user/${userName}`) }),
    ),
  );
}

async function lookUpUser(store: Store, accountId: string, userName: string): Promise<TargetResource | undefined> {
  const user = await store.users.getByName(userName);
  if (!user) return undefined;
  return {
    arn: iamArn(accountId, `user${user.path}${user.userName}`),
    tagSource: { kind: 'user', id: user.userId },
    boundaryArn: user.permissionsBoundaryArn,
  };
}

async function groupTarget(store: Store, accountId: string, groupName: string): Promise<TargetResource> {
  return described(
    `group ${groupName}`,
    await memoised(
      store,
      `group:${groupName.toLowerCase()}`,
      () => lookUpGroup(store, accountId, groupName),
      () => ({ arn: iamArn(accountId, `group/${groupName}`) }),
    ),
  );
}

async function lookUpGroup(store: Store, accountId: string, groupName: string): Promise<TargetResource | undefined> {
  const group = await store.groups.getByName(groupName);
  return group ? { arn: iamArn(accountId, `group${group.path}${group.groupName}`) } : undefined;
}

async function roleTarget(store: Store, accountId: string, roleName: string): Promise<TargetResource> {
  return described(
    `role ${roleName}`,
    await memoised(
      store,
      `role:${roleName.toLowerCase()}`,
      () => lookUpRole(store, accountId, roleName),
      () => ({ arn: iamArn(accountId, `role/${roleName}`) }),
    ),
  );
}

async function lookUpRole(store: Store, accountId: string, roleName: string): Promise<TargetResource | undefined> {
  const role = await store.roles.getByName(roleName);
  if (!role) return undefined;
  return {
    arn: iamArn(accountId, `role${role.path}${role.roleName}`),
    tagSource: { kind: 'role', id: role.roleId },
    boundaryArn: role.permissionsBoundaryArn,
  };
}

async function instanceProfileTarget(store: Store, accountId: string, name: string): Promise<TargetResource> {
  return described(
    `instance-profile ${name}`,
    await memoised(
      store,
      `instance-profile:${name.toLowerCase()}`,
      () => lookUpInstanceProfile(store, accountId, name),
      () => ({ arn: iamArn(accountId, `instance-profile/${name}`) }),
    ),
  );
}

async function lookUpInstanceProfile(store: Store, accountId: string, name: string): Promise<TargetResource | undefined> {
  const profile = await store.instanceProfiles.getByName(name);
  if (!profile) return undefined;
  return {
    arn: iamArn(accountId, `instance-profile${profile.path}${profile.instanceProfileName}`),
    tagSource: { kind: 'instance-profile', id: profile.instanceProfileId },
  };
}

async function serverCertificateTarget(store: Store, accountId: string, name: string): Promise<TargetResource> {
  return described(
    `server-certificate ${name}`,
    await memoised(
      store,
      `server-certificate:${name.toLowerCase()}`,
      async () => {
        const certificate = await store.serverCertificates.getByName(name);
        if (!certificate) return undefined;
        return {
          arn: iamArn(accountId, `server-certificate${certificate.path}${certificate.name}`),
          tagSource: { kind: 'server-certificate', id: certificate.serverCertificateId },
        };
      },
      () => ({ arn: iamArn(accountId, `server-certificate/${name}`) }),
    ),
  );
}

/**
 * The target of a `SerialNumber`: the device's own ARN when it exists. Devices are found ignoring case, so
 * authorizing the serial number as typed would let `…:mfa/BREAK-GLASS` past a Deny on `…:mfa/break-glass`. A serial
 * number that names no device is authorized as given (the operation then answers NoSuchEntity, as AWS does); one
 * that is not an ARN at all (a hardware device's) has no resource-level permissions: `*`.
 */
async function mfaTarget(store: Store, serial: string): Promise<TargetResource> {
  const device = await store.mfaDevices.get(serial);
  // Named as in the request, so a refusal reads the same whether or not the device exists.
  if (device) return { arn: device.serialNumber, tagSource: { kind: 'mfa', id: device.serialNumber }, description: serial };
  return /^arn:/i.test(serial) ? { arn: serial, description: serial } : ANY;
}

function policyTarget(arn: string): TargetResource {
  return { arn, description: `policy ${arn}`, tagSource: arn.includes(':iam::aws:') ? undefined : { kind: 'policy', id: arn } };
}

/**
 * The target of an ARN given as input (PolicySourceArn, Arn): the entity's own ARN when the input names it (see
 * resolveEntityArn), else the ARN as written, for which the operation answers NoSuchEntity.
 */
async function arnTarget(store: Store, accountId: string, arn: string): Promise<TargetResource> {
  const named = await resolveEntityArn(store, accountId, arn);
  if (named !== undefined) {
    const entity = named.entity;
    if (entity === undefined) return { arn, description: arn };
    return {
      arn: entity.arn,
      tagSource: entity.kind === 'group' ? undefined : { kind: entity.kind, id: entity.id },
      boundaryArn: entity.boundaryArn,
      description: arn,
    };
  }
  if (/:policy\//.test(arn)) return policyTarget(arn);
  return { arn };
}

function pathOf(input: Input): string {
  return str(input, 'Path') ?? '/';
}

async function selfUser(store: Store, principal: Principal): Promise<TargetResource> {
  if (principal.type === 'IAMUser' && principal.userName) return userTarget(store, principal.accountId, principal.userName);
  return { arn: principal.arn };
}

async function iamTarget(store: Store, principal: Principal, action: string, input: Input): Promise<TargetResource> {
  const account = principal.accountId;
  switch (action) {
    case 'CreateUser':
      return { arn: iamArn(account, `user${pathOf(input)}${str(input, 'UserName') ?? ''}`) };
    case 'CreateGroup':
      return { arn: iamArn(account, `group${pathOf(input)}${str(input, 'GroupName') ?? ''}`) };
    case 'CreateRole':
      return { arn: iamArn(account, `role${pathOf(input)}${str(input, 'RoleName') ?? ''}`) };
    case 'CreateInstanceProfile':
      return { arn: iamArn(account, `instance-profile${pathOf(input)}${str(input, 'InstanceProfileName') ?? ''}`) };
    case 'CreatePolicy':
      return { arn: iamArn(account, `policy${pathOf(input)}${str(input, 'PolicyName') ?? ''}`) };
    case 'CreateVirtualMFADevice':
      return { arn: iamArn(account, `mfa${pathOf(input)}${str(input, 'VirtualMFADeviceName') ?? ''}`) };
    case 'CreateServiceLinkedRole':
      return { arn: iamArn(account, `role/aws-service-role/${str(input, 'AWSServiceName') ?? ''}/*`) };
    case 'CreateSAMLProvider':
      return { arn: iamArn(account, `saml-provider/${str(input, 'Name') ?? ''}`) };
    case 'CreateOpenIDConnectProvider':
      return { arn: iamArn(account, `oidc-provider/${(str(input, 'Url') ?? '').replace(/^https:\/\//i, '')}`) };
    case 'UploadServerCertificate':
      return { arn: iamArn(account, `server-certificate${pathOf(input)}${str(input, 'ServerCertificateName') ?? ''}`) };
    case 'GetServiceLinkedRoleDeletionStatus': {
      // The role the task deletes, named by the task id `task/aws-service-role/<service>/<role>/<uuid>` (the role is
      // usually gone, so not looked up). A malformed id is refused by the operation (InvalidInput) whatever this is.
      const task = /^task\/aws-service-role\/([^/]+)\/([^/]+)\/[^/]+$/.exec(str(input, 'DeletionTaskId') ?? '');
      return task ? { arn: iamArn(account, `role/aws-service-role/${task[1]}/${task[2]}`) } : ANY;
    }
    case 'GenerateOrganizationsAccessReport':
      return { arn: iamArn(account, `access-report/${str(input, 'EntityPath') ?? ''}`) };
    case 'ChangePassword':
      return selfUser(store, principal);
    case 'GetAccessKeyLastUsed': {
      const keyId = str(input, 'AccessKeyId');
      const key = keyId ? await store.accessKeys.get(keyId) : undefined;
      const user = key?.userId ? await store.users.getById(key.userId) : undefined;
      return user ? await userTarget(store, account, user.userName) : ANY;
    }
  }
  const arnInput = ARN_INPUT[action];
  if (arnInput) {
    const arn = str(input, arnInput);
    return arn ? await arnTarget(store, account, arn) : ANY;
  }
  const groupName = str(input, 'GroupName');
  if (groupName && GROUP_FIRST_ACTIONS.has(action)) return groupTarget(store, account, groupName);
  const profileName = str(input, 'InstanceProfileName');
  if (profileName && PROFILE_FIRST_ACTIONS.has(action)) return instanceProfileTarget(store, account, profileName);
  const userName = str(input, 'UserName');
  if (userName) return userTarget(store, account, userName);
  if (SELF_USER_ACTIONS.has(action)) return selfUser(store, principal);
  if (groupName) return groupTarget(store, account, groupName);
  const roleName = str(input, 'RoleName');
  if (roleName) return roleTarget(store, account, roleName);
  if (profileName) return instanceProfileTarget(store, account, profileName);
  const policyArn = str(input, 'PolicyArn');
  if (policyArn) return policyTarget(policyArn);
  const serial = str(input, 'SerialNumber');
  if (serial) return mfaTarget(store, serial);
  const oidc = str(input, 'OpenIDConnectProviderArn');
  if (oidc) return { arn: oidc, tagSource: { kind: 'oidc-provider', id: oidc } };
  const saml = str(input, 'SAMLProviderArn');
  if (saml) return { arn: saml, tagSource: { kind: 'saml-provider', id: saml } };
  const certificate = str(input, 'ServerCertificateName');
  if (certificate) return serverCertificateTarget(store, account, certificate);
  return ANY;
}

/** Operations that rename or move an entity, with the inputs naming it now and after. */
const RENAMES: Record<string, { kind: 'user' | 'group' | 'server-certificate'; name: string; newName: string }> = {
  UpdateUser: { kind: 'user', name: 'UserName', newName: 'NewUserName' },
  UpdateGroup: { kind: 'group', name: 'GroupName', newName: 'NewGroupName' },
  UpdateServerCertificate: { kind: 'server-certificate', name: 'ServerCertificateName', newName: 'NewServerCertificateName' },
};

/** The entity's current path and name (as stored), or path `/` and the name given when it does not exist. */
async function currentPathAndName(store: Store, kind: string, name: string): Promise<{ path: string; name: string }> {
  if (kind === 'user') {
    const user = await store.users.getByName(name);
    return user ? { path: user.path, name: user.userName } : { path: '/', name };
  }
  if (kind === 'group') {
    const group = await store.groups.getByName(name);
    return group ? { path: group.path, name: group.groupName } : { path: '/', name };
  }
  const certificate = await store.serverCertificates.getByName(name);
  return certificate ? { path: certificate.path, name: certificate.name } : { path: '/', name };
}

/**
 * The second resource of a rename or move: the ARN the entity would have after it (new path and new name, each
 * defaulting to the current one). AWS (UpdateUser, UpdateGroup, UpdateServerCertificate): "the requester must
 * have appropriate permissions on both the source object and the target object". Undefined when the request
 * changes neither path nor name.
 */
export async function renameTarget(store: Store, principal: Principal, action: string, input: Input): Promise<TargetResource | undefined> {
  const rename = RENAMES[action];
  if (rename === undefined) return undefined;
  const name = str(input, rename.name);
  const newPath = str(input, 'NewPath');
  const newName = str(input, rename.newName);
  if (name === undefined || (newPath === undefined && newName === undefined)) return undefined;
  const current = await currentPathAndName(store, rename.kind, name);
  const targetName = newName ?? current.name;
  return {
    arn: iamArn(principal.accountId, `${rename.kind}${newPath ?? current.path}${targetName}`),
    description: `${rename.kind} ${targetName}`,
  };
}

function stsTarget(principal: Principal, action: string, input: Input): TargetResource {
  switch (action) {
    case 'AssumeRole':
    case 'AssumeRoleWithSAML':
    case 'AssumeRoleWithWebIdentity':
      return { arn: str(input, 'RoleArn') ?? '*' };
    case 'GetFederationToken':
      return { arn: `arn:aws:sts::${principal.accountId}:federated-user/${str(input, 'Name') ?? ''}` };
    default:
      return ANY;
  }
}

/**
 * The resource of an operation, as AWS's service authorization reference names it: the user's ARN (with
 * its path) for user operations, the group's for group operations, `*` for account-level listings, and so
 * on. An entity that does not exist gets the ARN it would have with path `/`.
 */
export async function targetResource(
  store: Store,
  principal: Principal,
  service: 'iam' | 'sts',
  action: string,
  input: Input,
): Promise<TargetResource> {
  return service === 'sts' ? stsTarget(principal, action, input) : await iamTarget(store, principal, action, input);
}

/** Create operations that take `Tags`, with the tagging action AWS authorizes as well when tags are given. */
const TAG_ON_CREATE = new Map<string, string>([
  ['CreateUser', 'TagUser'],
  ['CreateRole', 'TagRole'],
  ['CreatePolicy', 'TagPolicy'],
  ['CreateInstanceProfile', 'TagInstanceProfile'],
  ['CreateOpenIDConnectProvider', 'TagOpenIDConnectProvider'],
  ['CreateSAMLProvider', 'TagSAMLProvider'],
  ['CreateVirtualMFADevice', 'TagMFADevice'],
  ['UploadServerCertificate', 'TagServerCertificate'],
]);

/** True for the operations `dependentChecks` may name further actions for (spares every other request an await). */
export function mayHaveDependentChecks(service: string, action: string): boolean {
  return service === 'iam' ? TAG_ON_CREATE.has(action) || action === 'AddRoleToInstanceProfile' : action === 'GetFederationToken';
}

/** A further action an IAM operation is authorized for, after its own: on which resource, with which extra keys. */
export interface DependentCheck {
  action: string;
  target: TargetResource;
  /** `same`: the operation's own request context (its tags); otherwise the further action's own keys (iam:PassRole's). */
  context: 'same' | { [key: string]: string };
}

/**
 * The actions AWS authorizes besides the operation's own (which is checked first):
 * - a create with `Tags` also needs the tagging action on the new resource (`iam:TagRole` for CreateRole, ...), with
 *   the same `aws:RequestTag/*` and `aws:TagKeys`; a caller allowed CreateRole and not TagRole is refused with
 *   "not authorized to perform: iam:TagRole on resource: <the role's ARN>" (what CloudFormation, Terraform and
 *   iamlive users report; the service authorization reference lists no dependent action);
 * - AddRoleToInstanceProfile needs `iam:PassRole` on the role (its API reference: "The caller of this operation
 *   must be granted the PassRole permission on the IAM role"), with `iam:PassedToService` ec2.amazonaws.com and
 *   `iam:AssociatedResourceArn` `arn:aws:ec2:*:<account>:instance/*` (the value the same page says policies must
 *   use for this operation).
 */
export async function dependentChecks(
  store: Store,
  principal: Principal,
  service: string,
  action: string,
  input: Input,
  target: TargetResource,
): Promise<DependentCheck[]> {
  if (service === 'sts') {
    // GetFederationToken with session tags also needs sts:TagSession (IAM User Guide, "Passing session tags using
    // GetFederationToken"), on the federated user, with the request's tags.
    return action === 'GetFederationToken' && Array.isArray(input.Tags) && input.Tags.length > 0
      ? [{ action: 'sts:TagSession', target, context: 'same' }]
      : [];
  }
  const tagAction = TAG_ON_CREATE.get(action);
  if (tagAction !== undefined && Array.isArray(input.Tags) && input.Tags.length > 0) {
    return [{ action: `iam:${tagAction}`, target, context: 'same' }];
  }
  if (action === 'AddRoleToInstanceProfile') {
    const roleName = str(input, 'RoleName');
    if (roleName === undefined) return [];
    // The role's own boundary is no key of iam:PassRole; AWS names the role by its ARN in the refusal
    // ("iam:PassRole on resource: arn:aws:iam::…:role/…", as users of AddRoleToInstanceProfile report).
    const role = await roleTarget(store, principal.accountId, roleName);
    return [
      {
        action: 'iam:PassRole',
        target: { arn: role.arn, tagSource: role.tagSource },
        context: {
          'iam:PassedToService': 'ec2.amazonaws.com',
          'iam:AssociatedResourceArn': `arn:aws:ec2:*:${principal.accountId}:instance/*`,
        },
      },
    ];
  }
  return [];
}
