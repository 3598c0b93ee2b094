// The console's configuration, read once from the environment (lib/config.ts's one schema): the IAM target, region,
// session limits and session secret.
import 'server-only';
import { z } from 'zod';
import { parseEnvironment } from '../config';

/** Where the console's IAM calls go. */
export type IamTarget =
  { kind: 'embedded'; endpoint: string } | { kind: 'endpoint'; endpoint: string } | { kind: 'aws'; endpoint?: undefined };

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
  /** NEXTAUTH_SECRET when set (else lib/console/auth-secret.ts keeps one in the data directory). */
  nextAuthSecret?: string;
  /** GATEHOUSE_DATABASE_URL is set: several instances may serve the console, sharing one database. */
  sharedDatabase: boolean;
}

/** Parses an environment into the console configuration; throws naming every invalid variable. */
export function parseConsoleEnv(env: Record<string, string | undefined>): ConsoleEnv {
  const e = parseEnvironment(env, 'console configuration');
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
    nextAuthSecret: e.NEXTAUTH_SECRET,
    sharedDatabase: e.GATEHOUSE_DATABASE_URL !== undefined,
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
