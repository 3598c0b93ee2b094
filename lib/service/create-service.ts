// The composition root of the IAM service: store, secrets, pipeline steps, operations, routes, handler.
import type { ServiceConfig } from '../config';
import { SecretBox } from '../crypto/secrets';
import { awsManagedPolicyCatalogue } from '../catalog/aws-managed-policies';
import { installManagedPolicyCatalogue } from '../core/managed-policy-catalogue';
import { reportUncompilablePolicies } from '../authz';
import { IAM_OPERATIONS } from '../iam/operations';
import { STS_OPERATIONS } from '../sts/operations';
import { createHandler, type Handler } from '../protocol/handler';
import type { ProtocolDispatch } from '../protocol/rest-json-handler';
import type { Authenticator, AuditSink, Authorizer, RouteHandler } from '../core/pipeline';
import { openSqliteStore } from '../store/sqlite/store';
import { openPostgresStore, type PostgresStoreOptions } from '../store/postgres/store';
import type { Store } from '../store/types';
import { bootstrapAccount, type FirstRunSummary } from './bootstrap';
import { resetRoute } from './reset-route';
import { createPipeline } from './pipeline';
import { silenceableAudit } from './silenceable-audit';

/** A running IAM service: its handler and what it is built from. */
export interface Service {
  config: ServiceConfig;
  store: Store;
  secrets: SecretBox;
  handler: Handler;
  /** Set on the start that created the account. */
  firstRun?: FirstRunSummary;
  /** Runs `fn` with this service's audit trail silent: the start-up warm-up only (./warm-up.ts). */
  withoutAudit<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PipelineSteps {
  authenticator: Authenticator;
  authorizer: Authorizer;
  audit: AuditSink;
  routes: Map<string, RouteHandler>;
  /** Other protocols on the endpoint (IAM Access Analyzer's REST-JSON). */
  protocols?: ProtocolDispatch[];
  /** Flushes what the steps buffer (the audit trail) before the store closes. */
  close?(): Promise<void>;
}

/** Opens the data directory, creates the account on first start and builds the handler. */
export async function createService(config: ServiceConfig, options: { postgres?: PostgresStoreOptions } = {}): Promise<Service> {
  installManagedPolicyCatalogue(awsManagedPolicyCatalogue);
  const { store, secrets } = await openStoreAndSecrets(config, options.postgres);
  const firstRun = await bootstrapAccount(store, config, secrets, IAM_OPERATIONS);
  await reportUncompilablePolicies(store);
  const steps = createPipeline({ store, config, secrets });
  const routes = new Map<string, RouteHandler>(steps.routes);
  const audit = silenceableAudit(steps.audit);
  const service: Service = {
    config,
    store,
    secrets,
    firstRun,
    handler: createHandler({
      store,
      config,
      secrets,
      operations: { iam: IAM_OPERATIONS, sts: STS_OPERATIONS },
      authenticator: steps.authenticator,
      authorizer: steps.authorizer,
      audit: audit.sink,
      routes,
      protocols: steps.protocols,
    }),
    withoutAudit: audit.silenced,
    close: async () => {
      await steps.close?.();
      await store.close();
    },
  };
  routes.set('/_gatehouse/reset', resetRoute(service));
  return service;
}

/** The setting that proves which master key sealed the database's secrets (PostgreSQL). */
const MASTER_KEY_CHECK_SETTING = 'master-key-check';
const MASTER_KEY_CHECK_TEXT = 'gatehouse master key check';

/**
 * SQLite in the data directory by default; PostgreSQL with GATEHOUSE_DATABASE_URL. On PostgreSQL every instance
 * must seal secrets with the same key, so GATEHOUSE_MASTER_KEY is required (a key file in one instance's data
 * directory would differ from the next one's), and a key that cannot open what the database was sealed with is
 * refused at start-up rather than discovered as failing sign-ins.
 */
async function openStoreAndSecrets(
  config: ServiceConfig,
  postgres: PostgresStoreOptions = {},
): Promise<{ store: Store; secrets: SecretBox }> {
  if (config.databaseUrl === undefined) {
    return { store: openSqliteStore(config.dataDir), secrets: SecretBox.open(config.dataDir, config.masterKey) };
  }
  if (!config.masterKey) {
    throw new Error(
      'GATEHOUSE_DATABASE_URL is set but GATEHOUSE_MASTER_KEY is not: every instance sharing the database must seal ' +
        'secrets with the same key. Set GATEHOUSE_MASTER_KEY (32 bytes, base64 or hex, e.g. `openssl rand -base64 32`) ' +
        'to the same value on every instance.',
    );
  }
  const secrets = SecretBox.open(config.dataDir, config.masterKey);
  const store = await openPostgresStore(config.databaseUrl, postgres);
  try {
    const check = await store.getSetting(MASTER_KEY_CHECK_SETTING);
    if (check === undefined) {
      await store.setSetting(MASTER_KEY_CHECK_SETTING, secrets.encrypt(MASTER_KEY_CHECK_TEXT));
    } else if (!opens(secrets, check)) {
      throw new Error(
        "GATEHOUSE_MASTER_KEY does not match the key the database's secrets were sealed with: every instance sharing " +
          'GATEHOUSE_DATABASE_URL must use the same GATEHOUSE_MASTER_KEY.',
      );
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return { store, secrets };
}

function opens(secrets: SecretBox, sealed: string): boolean {
  try {
    return secrets.decrypt(sealed) === MASTER_KEY_CHECK_TEXT;
  } catch {
    return false;
  }
}
