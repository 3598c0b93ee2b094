import { runLoad, signQuery, startCeilingServer } from './lib/http-load';
import { startBenchServer } from './lib/server';
import fs from 'node:fs';
const cpu = (pid: number) => { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const selfCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const C = { accessKeyId: 'test', secretAccessKey: 'test' };
const IAM = 'Version=2010-05-08';
const mode = process.argv[2] ?? 'all';
async function main() {
  const ceiling = await startCeilingServer();
  const server = await startBenchServer();
  const ep = server.endpoint;
  const sign = (bodies: string[], s: 'iam' | 'sts' = 'iam') => Promise.all(bodies.map((b) => signQuery(ep, b, C, s)));
  const ceil = await runLoad(ceiling.endpoint, await Promise.all(Array.from({ length: 20000 }, () => signQuery(ceiling.endpoint, `Action=GetUser&${IAM}&UserName=x`, C))), 16);
  console.log('ceiling', Math.round(ceil.perSecond));
  if (mode === 'all' || mode === 'create') {
    const reqs = await sign(Array.from({ length: 4000 }, (_, i) => `Action=CreateUser&${IAM}&UserName=u-${i}&Path=/p${i % 20}/`));
    const c0 = cpu(server.child.pid!); const s0 = selfCpu();
    const r = await runLoad(ep, reqs, 16);
    console.log('CreateUser', Math.round(r.perSecond), r.errors, 'server cpu ms', cpu(server.child.pid!) - c0, 'client cpu ms', Math.round(selfCpu() - s0), 'wall ms', Math.round(r.seconds * 1000));
  } else {
    await runLoad(ep, await sign(Array.from({ length: 2000 }, (_, i) => `Action=CreateUser&${IAM}&UserName=u-${i}&Path=/p${i % 20}/`)), 16);
  }
  if (mode === 'all' || mode === 'get') {
    const reqs = await sign(Array.from({ length: 20000 }, (_, i) => `Action=GetUser&${IAM}&UserName=u-${i % 2000}`));
    const c0 = cpu(server.child.pid!); const s0 = selfCpu();
    const r = await runLoad(ep, reqs, 16);
    console.log('server cpu ms', cpu(server.child.pid!) - c0, 'client cpu ms', Math.round(selfCpu() - s0), 'wall ms', Math.round(r.seconds * 1000));
    console.log('GetUser', Math.round(r.perSecond), r.errors, (r.perSecond / ceil.perSecond).toFixed(2));
  }
  if (mode === 'all' || mode === 'gci') {
    const r = await runLoad(ep, await sign(Array.from({ length: 20000 }, () => `Action=GetCallerIdentity&Version=2011-06-15`), 'sts'), 16);
    console.log('GCI', Math.round(r.perSecond), r.errors);
  }
  server.stop(); ceiling.close();
  await new Promise((r) => setTimeout(r, 1500));
}
main();
