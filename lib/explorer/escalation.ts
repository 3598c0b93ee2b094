// Every path to admin in a compiled account: admin-equivalent principals (allowed everything, or able to grant
// themselves that) with the statements that make them so, escalation edges between users and roles (take over a
// user's credentials, assume or re-trust a role, pass a role to a compute service, change another principal's
// permissions, write or set back a version of a policy attached to it), and shortest paths over any number of hops —
// computed in steps so a browser stays responsive.
import { authorize, compilePolicy, explain, type AuthorizationRequest, type CompiledPolicy, type StatementOutcome } from '@/lib/policy';
import { ArnIndex, mayAllow, resourceReach, resourcesMayAllow } from './actions-allowed';
import { assumeIndexOf, explainAssume, keyId, principalOf, type AssumeIndex, type PrincipalKey } from './assume';
import { mergeContext, type CompiledAccount, type PrincipalPolicies } from './compile-account';
import type { EntityRef, SnapshotManagedPolicy } from './types';

/**
 * Kinds of escalation edge. "Reach" kinds let the source act as the target (its credentials or a session of it);
 * "grant" kinds let the source give the target any permission (so the target can be made an administrator).
 */
export type EscalationKind =
  | 'assume-role'
  | 'create-access-key'
  | 'create-login-profile'
  | 'update-login-profile'
  | 'update-trust-policy'
  | 'pass-role'
  | 'attach-policy'
  | 'put-policy'
  | 'group-policy'
  | 'add-to-group'
  | 'create-policy-version'
  | 'set-policy-version';

export const REACH_KINDS: ReadonlySet<EscalationKind> = new Set([
  'assume-role',
  'create-access-key',
  'create-login-profile',
  'update-login-profile',
  'update-trust-policy',
  'pass-role',
]);

/** What an edge kind means, for people. */
export const KIND_TEXT: Record<EscalationKind, string> = {
  'assume-role': 'can assume the role',
  'create-access-key': 'can create an access key for the user',
  'create-login-profile': "can create the user's console password",
  'update-login-profile': "can change the user's console password",
  'update-trust-policy': "can rewrite the role's trust policy, then assume it",
  'pass-role': 'can pass the role to a compute service it can create',
  'attach-policy': 'can attach any managed policy to it',
  'put-policy': 'can put any inline policy on it',
  'group-policy': 'can attach or put a policy on a group it is in',
  'add-to-group': 'can add it to a group that grants administrator access',
  'create-policy-version': 'can write a new default version of a policy attached to it',
  'set-policy-version': 'can make an older version of a policy attached to it the default, which makes it admin-equivalent',
};

/** One request that makes an edge (the action and resource), judged allowed. */
export interface EdgeRequest {
  action: string;
  resource: string;
}

/** An escalation edge from one principal to another (or to itself, for grants it can make on itself). */
export interface EscalationEdge {
  from: PrincipalKey;
  to: PrincipalKey;
  kind: EscalationKind;
  /** The requests that make the edge; each is allowed for `from` by its own policies (assume-role: by the role-trust rule). */
  requests: EdgeRequest[];
  /** "needs ec2" for iam:PassRole: the edge exists on AWS, where the compute service runs the role. */
  needs?: string;
  /** The group or policy through which a grant works (add-to-group, group-policy, create/set-policy-version). */
  via?: string;
  /**
   * set-policy-version: the customer managed policy and the non-default version that, made the default, makes `to`
   * admin-equivalent, and the request the version would allow `to` (`*` on `*`, or a policy on itself).
   */
  version?: { policyArn: string; policyName: string; versionId: string; grants: EdgeRequest };
}

/** Why a principal is admin-equivalent. */
export interface AdminReason {
  kind: 'allows-everything' | 'grants-itself' | 'grants-reachable';
  /** For people: "allowed * on *", "can attach any policy to itself", … */
  text: string;
  /** The edge that makes it so (grants). */
  edge?: EscalationEdge;
  /** grants-reachable: the principal it can act as and grant to. */
  through?: PrincipalKey;
}

/** A principal's shortest path to an admin-equivalent principal: the edges in order (empty when it is one). */
export interface AdminPath {
  from: PrincipalKey;
  edges: EscalationEdge[];
  admin: PrincipalKey;
}

/** Compute services whose create action, with iam:PassRole, runs code as a role trusting them (AWS only). */
const PASS_ROLE_SERVICES: { principal: string; service: string; actions: string[] }[] = [
  { principal: 'ec2.amazonaws.com', service: 'ec2', actions: ['ec2:RunInstances'] },
  { principal: 'lambda.amazonaws.com', service: 'lambda', actions: ['lambda:CreateFunction'] },
  { principal: 'ecs-tasks.amazonaws.com', service: 'ecs', actions: ['ecs:RunTask'] },
  { principal: 'cloudformation.amazonaws.com', service: 'cloudformation', actions: ['cloudformation:CreateStack'] },
  { principal: 'codebuild.amazonaws.com', service: 'codebuild', actions: ['codebuild:CreateProject'] },
  { principal: 'glue.amazonaws.com', service: 'glue', actions: ['glue:CreateDevEndpoint'] },
  { principal: 'sagemaker.amazonaws.com', service: 'sagemaker', actions: ['sagemaker:CreateNotebookInstance'] },
  { principal: 'datapipeline.amazonaws.com', service: 'datapipeline', actions: ['datapipeline:CreatePipeline'] },
];

/**
 * Actions that, all allowed on `*`, make a principal allowed "* on *" in practice: the literal `*` action plus
 * representative actions of several services (so that NotAction policies such as PowerUserAccess, which leave
 * out iam:*, are not taken for administrators).
 */
const ADMIN_PROBES = [
  '*',
  'iam:PutUserPolicy',
  'iam:AttachRolePolicy',
  'iam:CreateAccessKey',
  'iam:PassRole',
  'organizations:DescribeOrganization',
  's3:PutObject',
  'ec2:RunInstances',
  'kms:Decrypt',
  'lambda:CreateFunction',
];

const keyOf = (kind: 'user' | 'role', index: number): PrincipalKey => ({ kind, index });

function request(account: CompiledAccount, principal: PrincipalPolicies, action: string, resource: string): AuthorizationRequest {
  return {
    action,
    resource,
    principal: { arn: principal.arn, accountId: account.snapshot.accountId },
    context: mergeContext(principal.context, {}),
  };
}

function allows(account: CompiledAccount, principal: PrincipalPolicies, action: string, resource: string): boolean {
  return authorize(request(account, principal, action, resource), principal.set) === 'allowed';
}

/** Whether the principal is allowed everything on every resource (see ADMIN_PROBES). */
export function allowsEverything(account: CompiledAccount, principal: PrincipalPolicies): boolean {
  for (const action of ADMIN_PROBES) if (!allows(account, principal, action, '*')) return false;
  return true;
}

/** A non-default version of a managed policy, compiled (once per snapshot) for identity and boundary use. */
interface AlternativeVersion {
  versionId: string;
  identity: CompiledPolicy | undefined;
  boundary: CompiledPolicy | undefined;
}

const compiledVersions = new WeakMap<SnapshotManagedPolicy, AlternativeVersion[]>();

/** The policy's non-default versions, compiled; a version that does not compile is left out (it could not be set to grant anything). */
function alternativeVersions(policy: SnapshotManagedPolicy | undefined): AlternativeVersion[] {
  if (!policy?.versions || policy.versions.length < 2) return [];
  const known = compiledVersions.get(policy);
  if (known) return known;
  const compileAs = (text: string, policyType: 'identity' | 'boundary', id: string) => {
    try {
      return compilePolicy(text, { policyId: id, policyType });
    } catch {
      return undefined;
    }
  };
  const out: AlternativeVersion[] = policy.versions
    .filter((v) => !v.isDefault && v.versionId !== policy.defaultVersionId)
    .map((v) => ({
      versionId: v.versionId,
      identity: compileAs(v.document, 'identity', policy.arn),
      boundary: compileAs(v.document, 'boundary', `boundary:${policy.arn}`),
    }))
    .filter((v) => v.identity !== undefined);
  compiledVersions.set(policy, out);
  return out;
}

/** The principal's policies with the managed policy's default version replaced by another (as identity policy and as boundary). */
function withVersion(principal: PrincipalPolicies, policyArn: string, version: AlternativeVersion): PrincipalPolicies {
  const boundaryId = `boundary:${policyArn}`;
  const held = principal.set.identity.some((p) => p.policyId === policyArn);
  const set = {
    ...principal.set,
    // A default version that could not be compiled is left out of the set; the older version takes its place.
    identity: held
      ? principal.set.identity.map((p) => (p.policyId === policyArn ? version.identity! : p))
      : [...principal.set.identity, version.identity!],
    boundary: principal.set.boundary?.flatMap((p) => (p.policyId !== boundaryId ? [p] : version.boundary ? [version.boundary] : [])),
  };
  if (!principal.set.boundary) delete set.boundary;
  return { ...principal, set };
}

/** Requests that let a principal grant itself any permission: a managed or inline policy on its own user or role. */
function selfGrants(principal: PrincipalPolicies): EdgeRequest[] {
  const actions =
    principal.ref.type === 'user' ? ['iam:AttachUserPolicy', 'iam:PutUserPolicy'] : ['iam:AttachRolePolicy', 'iam:PutRolePolicy'];
  return actions.map((action) => ({ action, resource: principal.arn }));
}

/**
 * The first non-default version of the policy that, made the default, would make the principal admin-equivalent —
 * allowed everything (see ADMIN_PROBES) or allowed to put or attach a policy on itself — with the request it would
 * allow; undefined when none would. Only a version that allows one of those actions can, unless the default version
 * denies something (an older version without the Deny lifts it) or the policy is also the principal's boundary.
 */
function versionMakingAdmin(
  account: CompiledAccount,
  principal: PrincipalPolicies,
  policyArn: string,
  versions: AlternativeVersion[],
): { versionId: string; grants: EdgeRequest } | undefined {
  const current = principal.set.identity.find((p) => p.policyId === policyArn);
  const mayLift =
    (current !== undefined && current.denyStatements.length > 0) ||
    (principal.set.boundary ?? []).some((p) => p.policyId === `boundary:${policyArn}`);
  const grants = selfGrants(principal);
  for (const version of versions) {
    const versionAllows = (action: string) => mayAllow([version.identity!], action);
    if (!mayLift && !ADMIN_PROBES.some(versionAllows) && !grants.some((g) => versionAllows(g.action))) continue;
    const changed = withVersion(principal, policyArn, version);
    if (allowsEverything(account, changed)) return { versionId: version.versionId, grants: { action: '*', resource: '*' } };
    const self = grants.find((g) => allows(account, changed, g.action, g.resource));
    if (self) return { versionId: version.versionId, grants: self };
  }
  return undefined;
}

/** Progress of an escalation run. */
export interface EscalationProgress {
  done: number;
  total: number;
  finished: boolean;
}

/** The analysis so far; complete when the run reports `finished`. */
export interface EscalationAnalysis {
  account: CompiledAccount;
  /** Admin-equivalent principals by keyId, with the first reason found. */
  admins: Map<string, AdminReason>;
  edges: EscalationEdge[];
  /** Edges by source and by target keyId. */
  outgoing: Map<string, EscalationEdge[]>;
  incoming: Map<string, EscalationEdge[]>;
  /** Per principal that can reach an admin-equivalent one (not being one): the next edge of a shortest path. */
  nextHop: Map<string, EscalationEdge>;
}

/** A run: call `step` until finished, then read `analysis`. */
export interface EscalationRun {
  readonly analysis: EscalationAnalysis;
  step(budget: number): EscalationProgress;
  progress(): EscalationProgress;
}

/**
 * Starts the analysis. Units of work: one principal checked for "allowed everything", one non-admin principal's
 * outgoing edges, then the path computation. Administrators' own outgoing edges are not computed (they need none).
 */
export function startEscalation(account: CompiledAccount, assume: AssumeIndex = assumeIndexOf(account)): EscalationRun {
  const principals: PrincipalKey[] = [...account.users.map((_, i) => keyOf('user', i)), ...account.roles.map((_, i) => keyOf('role', i))];
  const analysis: EscalationAnalysis = {
    account,
    admins: new Map(),
    edges: [],
    outgoing: new Map(),
    incoming: new Map(),
    nextHop: new Map(),
  };
  const { snapshot } = account;
  const accountId = snapshot.accountId;
  const groupMembers = new Map<string, number[]>();
  snapshot.users.forEach((u, i) =>
    u.groups.forEach((g) => {
      const members = groupMembers.get(g);
      if (members) members.push(i);
      else groupMembers.set(g, [i]);
    }),
  );
  // Customer managed policies (AWS managed ones cannot get new versions) → principals they reach.
  const policyHolders = new Map<string, { keys: PrincipalKey[]; via: string }[]>();
  const holds = (arn: string, keys: PrincipalKey[], via: string) => {
    if (arn.includes(':aws:policy/')) return;
    const list = policyHolders.get(arn);
    if (list) list.push({ keys, via });
    else policyHolders.set(arn, [{ keys, via }]);
  };
  snapshot.users.forEach((u, i) => u.attached.forEach((p) => holds(p.arn, [keyOf('user', i)], 'attached')));
  snapshot.roles.forEach((r, i) => r.attached.forEach((p) => holds(p.arn, [keyOf('role', i)], 'attached')));
  snapshot.groups.forEach((g) =>
    g.attached.forEach((p) =>
      holds(
        p.arn,
        (groupMembers.get(g.name) ?? []).map((i) => keyOf('user', i)),
        `group ${g.name}`,
      ),
    ),
  );

  /**
   * Per customer managed policy: the principals holding it (not admin-equivalent already) that one of its
   * non-default versions, made the default, would make admin-equivalent — with the first such version. Computed once.
   */
  type VersionTarget = { to: PrincipalKey; via: string; versionId: string; policyName: string; grants: EdgeRequest };
  let versionTargets: Map<string, VersionTarget[]> | undefined;
  const policyVersionTargets = () => {
    if (versionTargets) return versionTargets;
    versionTargets = new Map();
    const policies = new Map(snapshot.policies.map((p) => [p.arn, p]));
    for (const [arn, holders] of policyHolders) {
      const policy = policies.get(arn);
      const versions = alternativeVersions(policy);
      if (!policy || versions.length === 0) continue;
      const targets: VersionTarget[] = [];
      for (const holder of holders)
        for (const to of holder.keys) {
          if (analysis.admins.has(keyId(to))) continue;
          const found = versionMakingAdmin(account, principalOf(account, to), arn, versions);
          if (found) targets.push({ to, via: holder.via, policyName: policy.name, ...found });
        }
      if (targets.length > 0) versionTargets.set(arn, targets);
    }
    return versionTargets;
  };

  const userArns = new ArnIndex(account.users.map((u) => u.arn));
  const roleArns = new ArnIndex(account.roles.map((r) => r.arn));

  let phase: 'admins' | 'edges' | 'paths' | 'done' = 'admins';
  let cursor = 0;
  const total = principals.length * 2 + 1;
  let done = 0;
  let adminGroups: Set<string> | undefined;

  const addEdge = (edge: EscalationEdge) => {
    analysis.edges.push(edge);
    const from = keyId(edge.from);
    const to = keyId(edge.to);
    const out = analysis.outgoing.get(from);
    if (out) out.push(edge);
    else analysis.outgoing.set(from, [edge]);
    const into = analysis.incoming.get(to);
    if (into) into.push(edge);
    else analysis.incoming.set(to, [edge]);
  };

  /** Groups whose own policies allow everything (judged through a stand-in principal holding only them). */
  const groupsGrantingAdmin = (): Set<string> => {
    if (adminGroups) return adminGroups;
    adminGroups = new Set();
    const documents = new Map(snapshot.policies.map((p) => [p.arn, p.document]));
    const standInArn = `arn:${snapshot.partition}:iam::${accountId}:user/group-stand-in`;
    for (const group of snapshot.groups) {
      const identity: CompiledPolicy[] = [];
      for (const text of [...group.inline.map((p) => p.document), ...group.attached.map((p) => documents.get(p.arn) ?? '')]) {
        try {
          identity.push(compilePolicy(text, { policyType: 'identity' }));
        } catch {
          // A policy that does not compile grants nothing (the explorer lists it among the problems).
        }
      }
      const standIn: PrincipalPolicies = {
        ref: { type: 'user', name: 'group-stand-in' },
        arn: standInArn,
        path: '/',
        set: { identity },
        context: {},
        sources: new Map(),
        warnings: [],
      };
      if (identity.length > 0 && allowsEverything(account, standIn)) adminGroups.add(group.name);
    }
    return adminGroups;
  };

  const outgoingOf = (key: PrincipalKey) => {
    const p = principalOf(account, key);
    const identity = p.set.identity;
    const edge = (to: PrincipalKey, kind: EscalationKind, requests: EdgeRequest[], extra: Partial<EscalationEdge> = {}) =>
      addEdge({ from: key, to, kind, requests, ...extra });
    // Taking over one's own credentials or permissions is no escalation for reach kinds; grants on oneself are.
    // Only the users (roles) whose ARN a covering Allow statement could name are judged by the engine.
    const tryUsers = (action: string, kind: EscalationKind) => {
      for (const i of userArns.matching(resourceReach(identity, action))) {
        if (REACH_KINDS.has(kind) && key.kind === 'user' && key.index === i) continue;
        const arn = account.users[i].arn;
        if (allows(account, p, action, arn)) edge(keyOf('user', i), kind, [{ action, resource: arn }]);
      }
    };
    tryUsers('iam:CreateAccessKey', 'create-access-key');
    tryUsers('iam:CreateLoginProfile', 'create-login-profile');
    tryUsers('iam:UpdateLoginProfile', 'update-login-profile');
    tryUsers('iam:AttachUserPolicy', 'attach-policy');
    tryUsers('iam:PutUserPolicy', 'put-policy');
    const tryRoles = (action: string, kind: EscalationKind) => {
      for (const i of roleArns.matching(resourceReach(identity, action))) {
        const arn = account.roles[i].arn;
        if (allows(account, p, action, arn)) edge(keyOf('role', i), kind, [{ action, resource: arn }]);
      }
    };
    tryRoles('iam:AttachRolePolicy', 'attach-policy');
    tryRoles('iam:PutRolePolicy', 'put-policy');
    if (mayAllow(identity, 'iam:UpdateAssumeRolePolicy')) {
      for (const i of roleArns.matching(resourceReach(identity, 'iam:UpdateAssumeRolePolicy'))) {
        const r = account.roles[i];
        if (key.kind === 'role' && key.index === i) continue;
        if (!allows(account, p, 'iam:UpdateAssumeRolePolicy', r.arn)) continue;
        // A trust policy naming the caller suffices for a user; a role session is still limited by its boundary.
        if (
          key.kind === 'role' &&
          p.set.boundary &&
          authorize(request(account, p, 'sts:AssumeRole', r.arn), { identity: p.set.boundary, boundary: p.set.boundary }) !== 'allowed'
        )
          continue;
        edge(keyOf('role', i), 'update-trust-policy', [{ action: 'iam:UpdateAssumeRolePolicy', resource: r.arn }]);
      }
    }
    if (mayAllow(identity, 'iam:PassRole')) {
      const creatable = PASS_ROLE_SERVICES.filter((s) => s.actions.every((a) => allows(account, p, a, '*')));
      if (creatable.length > 0) {
        for (const i of roleArns.matching(resourceReach(identity, 'iam:PassRole'))) {
          const r = account.roles[i];
          const trust = account.trust[i];
          if (!trust) continue;
          const services = new Set<string>();
          for (const statement of trust.allowStatements) for (const service of statement.principal?.services ?? []) services.add(service);
          const service = creatable.find((s) => services.has(s.principal));
          if (!service || !allows(account, p, 'iam:PassRole', r.arn)) continue;
          edge(
            keyOf('role', i),
            'pass-role',
            [{ action: 'iam:PassRole', resource: r.arn }, ...service.actions.map((a) => ({ action: a, resource: '*' }))],
            { needs: service.service },
          );
        }
      }
    }
    // Groups: a policy on a group reaches its members; adding a user to an administrators' group makes it one.
    const groupActions = ['iam:AttachGroupPolicy', 'iam:PutGroupPolicy'].filter((a) => mayAllow(identity, a));
    const canAdd = mayAllow(identity, 'iam:AddUserToGroup');
    if (groupActions.length > 0 || canAdd) {
      for (const group of snapshot.groups) {
        const grant = groupActions.find((a) => allows(account, p, a, group.arn));
        if (grant)
          for (const i of groupMembers.get(group.name) ?? [])
            edge(keyOf('user', i), 'group-policy', [{ action: grant, resource: group.arn }], { via: group.name });
        if (canAdd && allows(account, p, 'iam:AddUserToGroup', group.arn) && (grant || groupsGrantingAdmin().has(group.name))) {
          const requests = [
            { action: 'iam:AddUserToGroup', resource: group.arn },
            ...(grant ? [{ action: grant, resource: group.arn }] : []),
          ];
          account.users.forEach((u, i) => {
            if (u.ref.name === '' || snapshot.users[i].groups.includes(group.name)) return;
            edge(keyOf('user', i), 'add-to-group', requests, { via: group.name });
          });
        }
      }
    }
    const mayVersion = resourcesMayAllow(identity, 'iam:CreatePolicyVersion');
    if (mayVersion) {
      for (const [arn, holders] of policyHolders) {
        if (!mayVersion(arn) || !allows(account, p, 'iam:CreatePolicyVersion', arn)) continue;
        for (const holder of holders)
          for (const to of holder.keys)
            edge(to, 'create-policy-version', [{ action: 'iam:CreatePolicyVersion', resource: arn }], {
              via: `${arn.split('/').pop()} (${holder.via})`,
            });
      }
    }
    // SetDefaultPolicyVersion needs no new document: an older version that makes the holder admin-equivalent is enough.
    const maySetVersion = resourcesMayAllow(identity, 'iam:SetDefaultPolicyVersion');
    if (maySetVersion) {
      for (const [arn, targets] of policyVersionTargets()) {
        if (!maySetVersion(arn) || !allows(account, p, 'iam:SetDefaultPolicyVersion', arn)) continue;
        for (const target of targets)
          edge(target.to, 'set-policy-version', [{ action: 'iam:SetDefaultPolicyVersion', resource: arn }], {
            via: `${target.policyName} ${target.versionId} (${target.via})`,
            version: { policyArn: arn, policyName: target.policyName, versionId: target.versionId, grants: target.grants },
          });
      }
    }
  };

  const pathsPhase = () => {
    const reachOut = (id: string) => (analysis.outgoing.get(id) ?? []).filter((e) => REACH_KINDS.has(e.kind));
    // Grants: on itself → admin-equivalent; on a principal it can reach → admin-equivalent through it.
    for (const key of principals) {
      const id = keyId(key);
      if (analysis.admins.has(id)) continue;
      const grants = (analysis.outgoing.get(id) ?? []).filter((e) => !REACH_KINDS.has(e.kind));
      if (grants.length === 0) continue;
      const self = grants.find((e) => keyId(e.to) === id);
      if (self) {
        analysis.admins.set(id, { kind: 'grants-itself', text: `${KIND_TEXT[self.kind]} (itself)`, edge: self });
        continue;
      }
      const targets = new Map(grants.map((e) => [keyId(e.to), e]));
      const seen = new Set([id]);
      const queue = [id];
      for (let q = 0; q < queue.length; q++) {
        for (const e of reachOut(queue[q])) {
          const to = keyId(e.to);
          if (seen.has(to)) continue;
          seen.add(to);
          const grant = targets.get(to);
          if (grant) {
            analysis.admins.set(id, {
              kind: 'grants-reachable',
              text: `${KIND_TEXT[grant.kind]} and can act as it`,
              edge: grant,
              through: e.to,
            });
            queue.length = 0;
            break;
          }
          queue.push(to);
        }
      }
    }
    // Shortest paths: breadth first backwards from every admin-equivalent principal over reach edges.
    const queue = [...analysis.admins.keys()];
    const reached = new Set(queue);
    for (let q = 0; q < queue.length; q++) {
      for (const e of analysis.incoming.get(queue[q]) ?? []) {
        if (!REACH_KINDS.has(e.kind)) continue;
        const from = keyId(e.from);
        if (reached.has(from)) continue;
        reached.add(from);
        analysis.nextHop.set(from, e);
        queue.push(from);
      }
    }
  };

  const step = (budget: number): EscalationProgress => {
    let left = Math.max(1, budget);
    while (left > 0 && phase !== 'done') {
      if (phase === 'admins') {
        if (cursor >= principals.length) {
          phase = 'edges';
          cursor = 0;
          // Assume-role edges come from the role-trust rule, for every role whose assumers include non-admins.
          continue;
        }
        const key = principals[cursor++];
        if (allowsEverything(account, principalOf(account, key)))
          analysis.admins.set(keyId(key), { kind: 'allows-everything', text: 'allowed * on *' });
        done++;
        left--;
      } else if (phase === 'edges') {
        if (cursor >= principals.length) {
          phase = 'paths';
          continue;
        }
        const key = principals[cursor++];
        if (key.kind === 'role') {
          // Incoming assume edges of this role from non-admins.
          for (const e of assume.assumers(key.index))
            if (!analysis.admins.has(keyId(e.from)))
              addEdge({
                from: e.from,
                to: key,
                kind: 'assume-role',
                requests: [{ action: 'sts:AssumeRole', resource: account.roles[key.index].arn }],
              });
        }
        if (!analysis.admins.has(keyId(key))) outgoingOf(key);
        done++;
        left -= 5;
      } else {
        pathsPhase();
        phase = 'done';
        done++;
        left--;
      }
    }
    return progress();
  };

  const progress = (): EscalationProgress => ({ done, total, finished: phase === 'done' });
  return { analysis, step, progress };
}

/** Runs the analysis to the end at once (tests, benchmarks). */
export function analyzeEscalation(account: CompiledAccount, assume?: AssumeIndex): EscalationAnalysis {
  const run = startEscalation(account, assume);
  while (!run.step(10_000).finished);
  return run.analysis;
}

/** The principal's shortest path to an admin-equivalent principal (undefined when there is none). */
export function pathToAdmin(analysis: EscalationAnalysis, from: PrincipalKey): AdminPath | undefined {
  const edges: EscalationEdge[] = [];
  let id = keyId(from);
  let current = from;
  for (let guard = 0; guard < 100_000; guard++) {
    if (analysis.admins.has(id)) return { from, edges, admin: current };
    const next = analysis.nextHop.get(id);
    if (!next) return undefined;
    edges.push(next);
    current = next.to;
    id = keyId(current);
  }
  return undefined;
}

/** Every principal that can reach an admin-equivalent principal without being one, with its shortest path. */
export function whoCanReachAdmin(analysis: EscalationAnalysis): AdminPath[] {
  const out: AdminPath[] = [];
  for (const id of analysis.nextHop.keys()) {
    const [kind, index] = id.split(':');
    const path = pathToAdmin(analysis, keyOf(kind as 'user' | 'role', Number(index)));
    if (path) out.push(path);
  }
  return out.sort((a, b) => a.edges.length - b.edges.length);
}

/** Shortest paths from `to`'s point of view: every principal that can come to act as it, with the path (reach edges). */
export function pathsTo(analysis: EscalationAnalysis, to: PrincipalKey): { from: PrincipalKey; edges: EscalationEdge[] }[] {
  const target = keyId(to);
  const via = new Map<string, EscalationEdge>();
  const queue = [target];
  const seen = new Set(queue);
  for (let q = 0; q < queue.length; q++) {
    for (const e of analysis.incoming.get(queue[q]) ?? []) {
      if (!REACH_KINDS.has(e.kind)) continue;
      const from = keyId(e.from);
      if (seen.has(from)) continue;
      seen.add(from);
      via.set(from, e);
      queue.push(from);
    }
  }
  const out: { from: PrincipalKey; edges: EscalationEdge[] }[] = [];
  for (const first of via.values()) {
    const edges = [first];
    let e = first;
    while (keyId(e.to) !== target) {
      e = via.get(keyId(e.to))!;
      edges.push(e);
    }
    out.push({ from: first.from, edges });
  }
  return out.sort((a, b) => a.edges.length - b.edges.length);
}

/** Shortest paths from `from` to every principal it can come to act as (reach edges). */
export function pathsFrom(analysis: EscalationAnalysis, from: PrincipalKey): { to: PrincipalKey; edges: EscalationEdge[] }[] {
  const start = keyId(from);
  const prev = new Map<string, EscalationEdge>();
  const queue = [start];
  const seen = new Set(queue);
  for (let q = 0; q < queue.length; q++) {
    for (const e of analysis.outgoing.get(queue[q]) ?? []) {
      if (!REACH_KINDS.has(e.kind)) continue;
      const to = keyId(e.to);
      if (seen.has(to)) continue;
      seen.add(to);
      prev.set(to, e);
      queue.push(to);
    }
  }
  const out: { to: PrincipalKey; edges: EscalationEdge[] }[] = [];
  for (const [id, last] of prev) {
    const edges = [last];
    let e = last;
    while (keyId(e.from) !== start) {
      e = prev.get(keyId(e.from))!;
      edges.unshift(e);
    }
    out.push({ to: prev.get(id)!.to, edges });
  }
  return out.sort((a, b) => a.edges.length - b.edges.length);
}

/** A statement that makes an edge or an admin, named as people know it. */
export interface EdgeStatement {
  action: string;
  resource: string;
  policyName: string;
  sid?: string;
  statementIndex: number;
  effect: 'Allow' | 'Deny';
  via: string[];
  /** The statement has conditions (the edge holds only when they do). */
  conditional: boolean;
}

function named(
  account: CompiledAccount,
  principal: PrincipalPolicies,
  outcomes: StatementOutcome[],
  action: string,
  resource: string,
): EdgeStatement[] {
  return outcomes.map((o) => {
    const label = account.labels.get(o.policyId);
    const via = principal.sources.get(o.policyId) ?? (label?.kind === 'trust' ? [`trust policy of ${label.owner?.name}`] : []);
    return {
      action,
      resource,
      policyName: label?.name ?? o.policyId,
      sid: o.sid,
      statementIndex: o.statementIndex,
      effect: o.effect,
      via,
      conditional: o.conditions.length > 0,
    };
  });
}

/** The statements that make an edge (computed on demand: explanations are not kept for every edge). */
export function edgeStatements(account: CompiledAccount, edge: EscalationEdge): EdgeStatement[] {
  const caller = principalOf(account, edge.from);
  if (edge.kind === 'assume-role') {
    const e = explainAssume(account, caller, edge.to.index);
    return named(account, caller, e.decidingStatements, 'sts:AssumeRole', account.roles[edge.to.index].arn);
  }
  const own = edge.requests.flatMap((r) =>
    named(account, caller, explain(request(account, caller, r.action, r.resource), caller.set).decidingStatements, r.action, r.resource),
  );
  if (edge.kind !== 'set-policy-version' || !edge.version) return own;
  // And the statements of the older version that would allow the target everything (or a policy on itself).
  const { policyArn, policyName, versionId, grants } = edge.version;
  const version = alternativeVersions(account.snapshot.policies.find((p) => p.arn === policyArn)).find((v) => v.versionId === versionId);
  if (!version) return own;
  const target = withVersion(principalOf(account, edge.to), policyArn, version);
  const outcomes = explain(request(account, target, grants.action, grants.resource), target.set).decidingStatements.filter(
    (o) => o.policyId === policyArn || o.policyId === `boundary:${policyArn}`,
  );
  return own.concat(
    named(account, target, outcomes, grants.action, grants.resource).map((s) => ({
      ...s,
      policyName: `${policyName} version ${versionId}`,
    })),
  );
}

/** The statements that make a principal allowed "* on *" (those deciding the literal `*` action). */
export function adminStatements(account: CompiledAccount, key: PrincipalKey): EdgeStatement[] {
  const p = principalOf(account, key);
  return named(account, p, explain(request(account, p, '*', '*'), p.set).decidingStatements, '*', '*');
}

/** The entity reference of a key. */
export function refOf(account: CompiledAccount, key: PrincipalKey): EntityRef {
  return principalOf(account, key).ref;
}

/** The key of an entity reference (undefined for groups and unknown names). */
export function keyOfRef(account: CompiledAccount, ref: EntityRef): PrincipalKey | undefined {
  if (ref.type === 'group') return undefined;
  const list = ref.type === 'user' ? account.users : account.roles;
  const index = list.findIndex((p) => p.ref.name === ref.name);
  return index < 0 ? undefined : keyOf(ref.type, index);
}
