// Issue 16's cold start, by the server's own CPU time rather than requests/s (which swing with the machine's
// load): CPU microseconds per CreateUser over the first 3,000 requests a fresh standalone server serves, against
// the next 1,500 (warm), and the time until it listens. VARIANTS (JSON: name -> extra server environment) starts
// each variant in turn, RUNS times, alternating, so variants meet the same load. Example:
//   VARIANTS='{"main":{},"other":{"SOME_ENV":"1"}}' RUNS=3 npx tsx bench/cold-cpu.ts
import { runLoad, signQuery } from './lib/http-load';
import { startBenchServer } from './lib/server';

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const COLD = 3000;
const WARM = 1500;

async function main(): Promise<void> {
  const variants: Record<string, Record<string, string>> = JSON.parse(process.env.VARIANTS ?? '{"default":{}}');
  const runs = Number(process.env.RUNS ?? 3);
  for (let run = 0; run < runs; run++) {
    for (const [name, env] of Object.entries(variants)) {
      const started = performance.now();
      const server = await startBenchServer(env);
      const listenMs = performance.now() - started;
      try {
        const sign = (prefix: string, n: number) =>
          Promise.all(
            Array.from({ length: n }, (_, i) =>
              signQuery(server.endpoint, `Action=CreateUser&Version=2010-05-08&UserName=${prefix}-${i}&Path=/${prefix}/`, CREDENTIALS),
            ),
          );
        const cold = await sign('cold', COLD);
        const warm = await sign('warm', WARM);
        const cpu0 = server.cpuMs();
        const coldLoad = await runLoad(server.endpoint, cold, 16);
        const cpu1 = server.cpuMs();
        const warmLoad = await runLoad(server.endpoint, warm, 16);
        const cpu2 = server.cpuMs();
        const coldUs = ((cpu1 - cpu0) / COLD) * 1000;
        const warmUs = ((cpu2 - cpu1) / WARM) * 1000;
        console.log(
          `${name.padEnd(12)} listening after ${listenMs.toFixed(0).padStart(5)} ms | CPU per CreateUser: first ${COLD} ` +
            `${coldUs.toFixed(0)} us, next ${WARM} ${warmUs.toFixed(0)} us, ratio ${(warmUs / coldUs).toFixed(2)} | ` +
            `req/s ratio ${(coldLoad.perSecond / warmLoad.perSecond).toFixed(2)} | errors ${coldLoad.errors + warmLoad.errors}`,
        );
      } finally {
        server.stop();
      }
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
