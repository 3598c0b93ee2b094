// The simulator's state — everything a simulation needs, serialisable so that it can live in the URL.

/** Where a simulated policy plays in AWS's evaluation logic. */
export type SimulatorPolicyKind = 'identity' | 'boundary' | 'session' | 'resource';

/** One policy document in a simulation. `id` is stable (used for overrides, highlights and reports). */
export interface SimulatorPolicy {
  id: string;
  kind: SimulatorPolicyKind;
  /** A name a person recognises: 'PowerUserAccess (group Developers)', 'Inline: s3-read'. */
  label: string;
  text: string;
}

/** The entity simulated in principal mode. */
export interface PrincipalRef {
  type: 'user' | 'group' | 'role';
  name: string;
}

/** A principal's policies as gathered through the IAM API. */
export interface PrincipalPolicies {
  principal: PrincipalRef;
  arn: string;
  accountId: string;
  tags: Record<string, string>;
  policies: SimulatorPolicy[];
  /** A role's trust policy (judged when simulating sts:AssumeRole on the role). */
  trustPolicy?: string;
  /** Things that could not be read (AccessDenied on one call, ...), shown rather than hidden. */
  warnings: string[];
}

/** A context key's value type, as the simulator offers it for input. */
export type ContextKeyType = 'string' | 'number' | 'date' | 'bool' | 'ip' | 'arn' | 'binary';

/** The whole simulation, as kept in the URL. */
export interface SimulationState {
  mode: 'principal' | 'custom';
  principal?: PrincipalRef;
  /** Custom mode: every policy. Principal mode: only session policies added by hand. */
  policies: SimulatorPolicy[];
  /** Principal mode: edited texts of the gathered policies, by policy id (the what-if). */
  overrides: Record<string, string>;
  /** Action names or wildcards (`s3:Get*`). */
  actions: string[];
  /** Resource ARNs; empty means '*'. */
  resources: string[];
  /** Context keys and their values (several values for set keys). */
  context: Record<string, string[]>;
  callerArn?: string;
  principalTags: Record<string, string>;
  /** Further principals of the principals × actions view. */
  comparePrincipals: PrincipalRef[];
}

/** An empty simulation. */
export function emptyState(): SimulationState {
  return {
    mode: 'principal',
    policies: [],
    overrides: {},
    actions: [],
    resources: [],
    context: {},
    principalTags: {},
    comparePrincipals: [],
  };
}
