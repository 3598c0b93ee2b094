// IAM Access Analyzer on the IAM endpoint: its operations wired to the catalogue, the audit trail (the
// generator's "CloudTrail") and the store, behind the REST-JSON dispatch of the request pipeline.
import { randomUUID } from 'node:crypto';
import type { ServiceConfig } from '../config';
import type { SecretBox } from '../crypto/secrets';
import type { GatehouseAuditSink } from '../audit';
import { targetResource, type GatehouseAuthorizer } from '../authz';
import type { Principal } from '../core/context';
import { BoundedCache } from '../core/bounded-cache';
import type { ActionCatalog } from '../policy';
import { ANALYZER_OPERATIONS, EXTRA_PERMISSIONS, type AnalyzerContext } from '../analyzer/operations';
import { PolicyGenerations, type CalledAction } from '../analyzer/policy-generation';
import { loadActionCatalog, servicesReferenced } from '../policy/catalog';
import type { Authenticator } from '../core/pipeline';
import { ACCESS_ANALYZER_MODEL } from '../protocol/rest-json';
import { createRestJsonDispatch, type ProtocolDispatch, type RestJsonOperation } from '../protocol/rest-json-handler';
import type { Store } from '../store/types';

export interface AccessAnalyzerDeps {
  store: Store;
  config: ServiceConfig;
  secrets: SecretBox;
  authenticator: Authenticator;
  authorizer: GatehouseAuthorizer;
  audit: GatehouseAuditSink;
  clock?: () => Date;
  /** Runs policy generation jobs later (default: the next turn of the event loop). */
  schedule?: (task: () => void | Promise<void>) => void;
}

const SOURCES: Record<string, string> = {
  'iam.amazonaws.com': 'iam',
  'sts.amazonaws.com': 'sts',
  'access-analyzer.amazonaws.com': 'access-analyzer',
};

interface StoredEvent {
  eventSource: string;
  eventName: string;
  requestParameters: Record<string, unknown> | null;
  userIdentity: {
    type: string;
    arn?: string;
    accountId?: string;
    principalId?: string;
    userName?: string;
    sessionContext?: { sessionIssuer?: { arn?: string; userName?: string } };
  };
}

/** The principal of a recorded event, as far as resource names need it (the caller's own user for `GetUser`). */
function principalOf(identity: StoredEvent['userIdentity']): Principal {
  const principal: Principal = {
    type: identity.type as Principal['type'],
    arn: identity.arn ?? '',
    accountId: identity.accountId ?? '',
    principalId: identity.principalId ?? '',
  };
  if (identity.userName) principal.userName = identity.userName;
  const issuer = identity.sessionContext?.sessionIssuer;
  if (issuer) {
    principal.roleArn = issuer.arn;
    principal.roleName = issuer.userName;
  }
  return principal;
}

/** CloudTrail's camelCase parameters back to the operation's member names (`userName` → `UserName`). */
function operationInput(parameters: Record<string, unknown> | null): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parameters ?? {})) input[key[0].toUpperCase() + key.slice(1)] = value;
  return input;
}

/** The successful calls of a principal (a role's sessions included) in a time window, oldest pages last. */
export function auditActivity(store: Store, audit: GatehouseAuditSink) {
  return async function* readActivity(principalArn: string, startTime: Date, endTime: Date): AsyncIterable<CalledAction> {
    await audit.flush();
    let beforeSeq: number | undefined;
    do {
      const page = await store.read((store) =>
        store.audit.query({
          principalArn,
          startTime: startTime.toISOString(),
          endTime: endTime.toISOString(),
          outcome: 'success',
          limit: 1000,
          beforeSeq,
        }),
      );
      for (const text of page.events) {
        const event = JSON.parse(text) as StoredEvent;
        const service = SOURCES[event.eventSource];
        if (!service) continue;
        let resource = '*';
        if (service === 'iam' || service === 'sts') {
          resource = await store.read(
            async (store) =>
              (
                await targetResource(
                  store,
                  principalOf(event.userIdentity),
                  service,
                  event.eventName,
                  operationInput(event.requestParameters),
                )
              ).arn,
          );
        }
        yield { service, action: event.eventName, resource };
      }
      beforeSeq = page.nextSeq;
    } while (beforeSeq !== undefined);
  };
}

/** Whether a user or role ARN names an entity of the account (path included). */
async function principalExists(root: Store, arn: string): Promise<boolean> {
  const m = /^arn:[^:]*:iam::(\d{12}):(user|role)(\/.*\/|\/)([^/]+)$/.exec(arn);
  if (!m) return false;
  return root.read(async (store) => {
    if ((await store.account.get())?.accountId !== m[1]) return false;
    const entity = m[2] === 'user' ? await store.users.getByName(m[4]) : await store.roles.getByName(m[4]);
    return (
      entity !== undefined &&
      entity.path === m[3] &&
      (m[2] === 'user' ? (entity as { userName: string }).userName : (entity as { roleName: string }).roleName) === m[4]
    );
  });
}

/** Catalogues by their set of services: building one indexes every action of its services, so it is kept. */
function cachedCatalogs(): (services: string[]) => Promise<ActionCatalog> {
  const cache = new BoundedCache<string, Promise<ActionCatalog>>(256);
  return (services) => {
    const key = [...new Set(services.map((s) => s.toLowerCase()))].sort().join(',');
    let catalog = cache.get(key);
    if (!catalog) {
      catalog = loadActionCatalog(key === '' ? [] : key.split(','));
      cache.set(key, catalog);
    }
    return catalog;
  };
}

/** Builds the Access Analyzer dispatch and the generation jobs it keeps. */
export function accessAnalyzer(deps: AccessAnalyzerDeps): { dispatch: ProtocolDispatch; generations: PolicyGenerations } {
  const generations = new PolicyGenerations({
    newJobId: () => randomUUID(),
    schedule: deps.schedule ?? ((task) => setImmediate(() => void task())),
  });
  const readActivity = auditActivity(deps.store, deps.audit);
  const loadCatalog = cachedCatalogs();
  const operations: Record<string, RestJsonOperation> = {};
  for (const [name, operation] of Object.entries(ANALYZER_OPERATIONS)) {
    operations[name] = (principal, input, now) => {
      const ctx: AnalyzerContext = {
        principal,
        now,
        loadCatalog,
        servicesOf: servicesReferenced,
        generations,
        readActivity,
        principalExists: (arn) => principalExists(deps.store, arn),
      };
      return operation(ctx, input);
    };
  }
  const dispatch = createRestJsonDispatch({
    model: ACCESS_ANALYZER_MODEL,
    operations,
    extraPermissions: EXTRA_PERMISSIONS,
    store: deps.store,
    config: deps.config,
    secrets: deps.secrets,
    authenticator: deps.authenticator,
    authorizer: deps.authorizer,
    audit: deps.audit,
    clock: deps.clock,
  });
  return { dispatch, generations };
}
