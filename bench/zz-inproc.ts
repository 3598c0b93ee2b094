import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signQuery } from './lib/http-load';
import { loadConfig } from '../lib/config';
import { createService } from '../lib/service/create-service';
import type { WireRequest } from '../lib/protocol/wire';
const N = 4000;
async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-inproc-'));
  const config = loadConfig({ GATEHOUSE_DATA_DIR: dataDir, GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'test', GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'test', GATEHOUSE_DEMO: '0', GATEHOUSE_ACCOUNT_ID: '123456789012' });
  const service = createService(config);
  const store = (service as any).store ?? undefined;
  const ep = 'http://127.0.0.1:4566';
  const reqs = await Promise.all(Array.from({ length: N }, (_, i) => signQuery(ep, `Action=CreateUser&Version=2010-05-08&UserName=u-${i}&Path=/p${i % 20}/`, { accessKeyId: 'test', secretAccessKey: 'test' })));
  const wire = (r: any): WireRequest => ({ method: 'POST', path: '/', query: '', headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v as string])), body: r.body, sourceIp: '127.0.0.1', secure: false });
  let txTime = 0n;
  if (store) {
    const orig = store.transaction.bind(store);
    store.transaction = (fn: any) => { const t = process.hrtime.bigint(); try { return orig(fn); } finally { txTime += process.hrtime.bigint() - t; } };
  }
  const t0 = process.hrtime.bigint();
  for (const r of reqs) { const res = await service.handler(wire(r)); if (res.status !== 200) throw new Error(res.body); }
  const total = Number(process.hrtime.bigint() - t0) / 1e3 / N;
  console.log('CreateUser in-process µs', total.toFixed(1), 'in store.transaction µs', (Number(txTime) / 1e3 / N).toFixed(1));
  service.close();
}
main();
