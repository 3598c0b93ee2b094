// The console's configuration, read once from the environment: the IAM target, region and session limits.
import 'server-only';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().positive().default(3000),
  GATEHOUSE_IAM_ENDPOINT: z.string().optional(),
  GATEHOUSE_REGION: z.string().min(1).default('us-east-1'),
  GATEHOUSE_DATA_DIR: z.string().default('.gatehouse'),
  /** Upper bound of a console session, whatever the credentials' own expiry (default 12 hours). */
  GATEHOUSE_CONSOLE_SESSION_SECONDS: z.coerce.number().int().positive().default(12 * 60 * 60),
  NEXTAUTH_URL: z.string().url().optional(),
});

/** Where the console's IAM calls go. */
export type IamTarget =
  | { kind: 'embedded'; endpoint: string }
  | { kind: 'endpoint'; endpoint: string }
  | { kind: 'aws'; endpoint?: undefined };

/** The validated console configuration. */
export interface ConsoleEnv {
  port: number;
  target: IamTarget;
  region: string;
  dataDir: string;
  sessionMaxSeconds: number;
  nextAuthUrl: string;
  /** The console's public URL when configured (NEXTAUTH_URL); otherwise pages derive it from the request. */
  publicUrl?: string;
}

/** Parses an environment into the console configuration; throws naming every invalid variable. */
export function parseConsoleEnv(env: Record<string, string | undefined>): ConsoleEnv {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid console configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const raw = e.GATEHOUSE_IAM_ENDPOINT?.trim();
  let target: IamTarget;
  if (!raw) target = { kind: 'embedded', endpoint: `http://127.0.0.1:${e.PORT}/aws` };
  else if (raw.toLowerCase() === 'aws') target = { kind: 'aws' };
  else {
    const url = z.string().url().safeParse(raw);
    if (!url.success || !/^https?:$/.test(new URL(raw).protocol)) {
      throw new Error('Invalid console configuration: GATEHOUSE_IAM_ENDPOINT must be an http(s) URL or "aws".');
    }
    target = { kind: 'endpoint', endpoint: raw.replace(/\/+$/, '') };
  }
  return {
    port: e.PORT,
    target,
    region: e.GATEHOUSE_REGION,
    dataDir: e.GATEHOUSE_DATA_DIR,
    sessionMaxSeconds: e.GATEHOUSE_CONSOLE_SESSION_SECONDS,
    nextAuthUrl: e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`,
    publicUrl: e.NEXTAUTH_URL?.replace(/\/+$/, ''),
  };
}

let cached: ConsoleEnv | undefined;

/** The console configuration of this process. */
export function consoleEnv(): ConsoleEnv {
  cached ??= parseConsoleEnv(process.env);
  return cached;
}

/** A short human description of the target, for the header. */
export function describeTarget(target: IamTarget): string {
  if (target.kind === 'aws') return 'AWS';
  return target.endpoint;
}
