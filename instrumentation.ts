// Next.js start-up hook: open the embedded IAM service at boot and print the first-run message once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getService } = await import('./lib/service/instance');
  const { firstRunMessage } = await import('./lib/service/first-run-message');
  const service = getService();
  const port = process.env.PORT ?? '3000';
  if (service.firstRun) {
    console.log(firstRunMessage(service.firstRun, `http://localhost:${port}/aws`, `http://localhost:${port}/`));
  }
}
