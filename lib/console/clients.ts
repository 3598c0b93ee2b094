// One factory for the IAM, STS and Access Analyzer clients the console calls with: the configured target, the given credentials.
import 'server-only';
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { consoleEnv, type IamTarget } from './env';
import type { ConsoleCredentials } from './principal';
import { requireConsoleSession } from './session';
import { relayHeaders } from './client-relay';

/**
 * Adds the browser's address (lib/console/client-relay.ts) to every request a client sends, so that conditions on
 * aws:SourceIp meet the browser's address and not the console's own, whichever service the client calls.
 */
function relayBrowserAddress<T extends IAMClient | STSClient | AccessAnalyzerClient>(client: T, target: IamTarget): T {
  if (target.kind === 'aws') return client;
  type Next = (args: { request: unknown }) => Promise<unknown>;
  const stack = client.middlewareStack as unknown as {
    add(middleware: (next: Next) => Next, options: { step: 'build'; name: string }): void;
  };
  stack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) Object.assign(request.headers, await relayHeaders(target));
      return next(args);
    },
    { step: 'build', name: 'gatehouseRelayBrowserAddress' },
  );
  return client;
}

function clientConfig(target: IamTarget, region: string, credentials: ConsoleCredentials, service: 'iam' | 'sts') {
  return {
    // IAM is global: AWS signs it in us-east-1. STS answers regionally.
    region: service === 'iam' && target.kind === 'aws' ? 'us-east-1' : region,
    endpoint: target.endpoint,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
    maxAttempts: 2,
  };
}

/** An IAM client for these credentials against the configured target (no session needed: used at sign-in). */
export function iamClientFor(credentials: ConsoleCredentials, target: IamTarget = consoleEnv().target): IAMClient {
  return relayBrowserAddress(new IAMClient(clientConfig(target, consoleEnv().region, credentials, 'iam')), target);
}

/** An STS client for these credentials against the configured target. */
export function stsClientFor(credentials: ConsoleCredentials, target: IamTarget = consoleEnv().target): STSClient {
  return relayBrowserAddress(new STSClient(clientConfig(target, consoleEnv().region, credentials, 'sts')), target);
}

/** The signed-in principal's IAM client; redirects to sign-in when there is no valid session. */
export async function getIamClient(): Promise<IAMClient> {
  const session = await requireConsoleSession();
  return iamClientFor(session.credentials);
}

/** The signed-in principal's STS client; redirects to sign-in when there is no valid session. */
export async function getStsClient(): Promise<STSClient> {
  const session = await requireConsoleSession();
  return stsClientFor(session.credentials);
}

/** An IAM Access Analyzer client for these credentials against the configured target (regional, like STS). */
export function analyzerClientFor(credentials: ConsoleCredentials, target: IamTarget = consoleEnv().target): AccessAnalyzerClient {
  return relayBrowserAddress(new AccessAnalyzerClient(clientConfig(target, consoleEnv().region, credentials, 'sts')), target);
}
