// Next.js start-up hook: open the embedded IAM service at boot, stamp every request with its resolved client
// (lib/service/client-stamp.ts), bound the open connections of its HTTP server (lib/service/connection-limit.ts), and
// print the first-run message once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getService } = await import('./lib/service/instance');
  const { firstRunMessage } = await import('./lib/service/first-run-message');
  const { installClientStamping } = await import('./lib/service/client-stamp');
  const { parseTrustedProxies } = await import('./lib/service/client-address');
  const { boundConnections } = await import('./lib/service/connection-limit');
  let service: Awaited<ReturnType<typeof getService>>;
  try {
    service = await getService();
    // Several console instances on one database must agree on the session secret (lib/console/auth-secret.ts).
    if (service.config.databaseUrl !== undefined && !process.env.NEXTAUTH_SECRET?.trim()) {
      throw new Error(
        'GATEHOUSE_DATABASE_URL is set but NEXTAUTH_SECRET is not: every console instance sharing the database must ' +
          'encrypt sessions with the same secret. Set NEXTAUTH_SECRET to the same value on every instance.',
      );
    }
  } catch (error) {
    // A configuration the service refuses: say why and stop, rather than serve a console that cannot work.
    console.error(`Gatehouse could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  installClientStamping(parseTrustedProxies(service.config.trustedProxies));
  boundConnections(service.config.maxConnections);
  const port = process.env.PORT ?? '3000';
  if (service.firstRun) {
    console.log(firstRunMessage(service.firstRun, `http://localhost:${port}/aws`, `http://localhost:${port}/`));
  }
}
