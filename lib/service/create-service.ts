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
import { openSqliteStore, type SqliteStore } from '../store/sqlite/store';
import { bootstrapAccount, type FirstRunSummary } from './bootstrap';
import { resetRoute } from './reset-route';
import { createPipeline } from './pipeline';

/** A running IAM service: its handler and what it is built from. */
export interface Service {
  config: ServiceConfig;
  store: SqliteStore;
  secrets: SecretBox;
  handler: Handler;
  /** Set on the start that created the account. */
  firstRun?: FirstRunSummary;
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
export async function createService(config: ServiceConfig): Promise<Service> {
  installManagedPolicyCatalogue(awsManagedPolicyCatalogue);
  const store = openSqliteStore(config.dataDir);
  const secrets = SecretBox.open(config.dataDir, config.masterKey);
  const firstRun = await bootstrapAccount(store, config, secrets, IAM_OPERATIONS);
  await reportUncompilablePolicies(store);
  const steps = createPipeline({ store, config, secrets });
  const routes = new Map<string, RouteHandler>(steps.routes);
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
      audit: steps.audit,
      routes,
      protocols: steps.protocols,
    }),
    close: async () => {
      await steps.close?.();
      await store.close();
    },
  };
  routes.set('/_gatehouse/reset', resetRoute(service));
  return service;
}
