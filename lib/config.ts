// Gatehouse's configuration: environment variables parsed and validated once, with defaults that need nothing.
import path from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies } from './service/client-address';

const flag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false');

const schema = z.object({
  GATEHOUSE_DATA_DIR: z.string().default('.gatehouse'),
  GATEHOUSE_ACCOUNT_ID: z
    .string()
    .regex(/^\d{12}$/, 'GATEHOUSE_ACCOUNT_ID must be 12 digits')
    .optional(),
  GATEHOUSE_ROOT_EMAIL: z.string().email().optional(),
  GATEHOUSE_ROOT_PASSWORD: z.string().min(8).optional(),
  GATEHOUSE_ADMIN_ACCESS_KEY_ID: z.string().min(1).optional(),
  GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  GATEHOUSE_DEMO: z.string().optional().transform((v) => v !== '0' && v?.toLowerCase() !== 'false'),
  GATEHOUSE_ALLOW_RESET: flag,
  GATEHOUSE_MASTER_KEY: z.string().optional(),
  GATEHOUSE_REGION: z.string().default('us-east-1'),
  GATEHOUSE_LOG_REQUESTS: flag,
  GATEHOUSE_AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  GATEHOUSE_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  GATEHOUSE_MAX_QUEUE_MS: z.coerce.number().int().nonnegative().default(250),
  /** Comma-separated CIDR blocks (or addresses) of proxies whose forwarded headers are believed; none by default. */
  GATEHOUSE_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
      try {
        parseTrustedProxies(entries);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
      return entries;
    }),
});

/** The validated configuration of the IAM service. */
export interface ServiceConfig {
  dataDir: string;
  accountId?: string;
  rootEmail?: string;
  rootPassword?: string;
  adminAccessKeyId?: string;
  adminSecretAccessKey?: string;
  demo: boolean;
  allowReset: boolean;
  masterKey?: string;
  region: string;
  logRequests: boolean;
  auditRetentionDays: number;
  maxBodyBytes: number;
  /** A request that has waited longer than this for the event loop is answered `Throttling` (0: never). */
  maxQueueMs: number;
  /** CIDR blocks of trusted proxies (GATEHOUSE_TRUSTED_PROXIES); see lib/service/client-address.ts. */
  trustedProxies: string[];
}

/** Reads the configuration from an environment (default `process.env`); throws with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid Gatehouse configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(e.GATEHOUSE_DATA_DIR),
    accountId: e.GATEHOUSE_ACCOUNT_ID,
    rootEmail: e.GATEHOUSE_ROOT_EMAIL,
    rootPassword: e.GATEHOUSE_ROOT_PASSWORD,
    adminAccessKeyId: e.GATEHOUSE_ADMIN_ACCESS_KEY_ID,
    adminSecretAccessKey: e.GATEHOUSE_ADMIN_SECRET_ACCESS_KEY,
    demo: e.GATEHOUSE_DEMO,
    allowReset: e.GATEHOUSE_ALLOW_RESET,
    masterKey: e.GATEHOUSE_MASTER_KEY,
    region: e.GATEHOUSE_REGION,
    logRequests: e.GATEHOUSE_LOG_REQUESTS,
    auditRetentionDays: e.GATEHOUSE_AUDIT_RETENTION_DAYS,
    maxBodyBytes: e.GATEHOUSE_MAX_BODY_BYTES,
    maxQueueMs: e.GATEHOUSE_MAX_QUEUE_MS,
    trustedProxies: e.GATEHOUSE_TRUSTED_PROXIES,
    ...overrides,
  };
}
