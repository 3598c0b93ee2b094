// What one request's audit record costs the request thread: building the CloudTrail event there (auditEventOf, as
// PostgreSQL's path still does and SQLite's did) against copying it into a batch for the audit worker
// (AuditBatchBuilder) and posting the batch, by batch size; and, for comparison, cloning the records as objects.
// Main-thread CPU only (/proc/self/task/<pid>/schedstat), so the receiving thread's work is not counted.
import { Worker } from 'node:worker_threads';
import type { Principal } from '../lib/core/context';
import type { AuditRecord } from '../lib/core/pipeline';
import { auditEventOf } from '../lib/audit/event';
import { AuditBatchBuilder } from '../lib/audit/batch';
import { threadCpuMs } from './lib/proc-cpu';

const N = Number(process.env.GATEHOUSE_BENCH_RECORDS ?? 400_000);
const principal: Principal = {
  type: 'IAMUser',
  accountId: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/test',
  principalId: 'AIDAEXAMPLEEXAMPLE01',
  userName: 'test',
  userId: 'AIDAEXAMPLEEXAMPLE01',
  accessKeyId: 'AKIAEXAMPLEEXAMPLE01',
};
const records: AuditRecord[] = Array.from({ length: 1000 }, (_, i) => ({
  info: {
    request: {
      method: 'POST',
      path: '/',
      query: '',
      body: '',
      secure: false,
      sourceIp: '127.0.0.1',
      headers: { 'user-agent': 'aws-sdk-js/3.1169.0 ua/2.1 os/linux#6.1 lang/js md/nodejs#20.20.2 api/iam#3.1169.0 m/E' },
    },
    params: new Map(),
    service: 'iam',
    action: 'GetUser',
    requestId: crypto.randomUUID(),
    now: new Date(),
  },
  principal,
  input: { UserName: `user-${i}` },
  output: { User: { UserName: `user-${i}`, Arn: 'arn', CreateDate: new Date() } },
  status: 200,
}));

const mainThreadCpuMs = (): number => threadCpuMs(`/proc/self/task/${process.pid}`);

function measure(label: string, fn: (record: AuditRecord) => void): { case: string; 'µs per record': number } {
  for (let i = 0; i < 20_000; i++) fn(records[i % 1000]);
  const before = mainThreadCpuMs();
  for (let i = 0; i < N; i++) fn(records[i % 1000]);
  return { case: label, 'µs per record': Number((((mainThreadCpuMs() - before) * 1000) / N).toFixed(2)) };
}

const sink = new Worker('require("node:worker_threads").parentPort.on("message", () => {});', { eval: true });
const rows = [measure('auditEventOf on the request thread (event built, JSON.stringify)', (r) => auditEventOf(r, 'us-east-1'))];
for (const size of [16, 64, 256, 1024]) {
  let builder = new AuditBatchBuilder();
  let batch = 0;
  rows.push(
    measure(`AuditBatchBuilder.add, postMessage every ${size}`, (r) => {
      builder.add(r);
      if (builder.count >= size) {
        sink.postMessage(builder.take(++batch));
        builder = new AuditBatchBuilder();
      }
    }),
  );
}
let objects: AuditRecord[] = [];
rows.push(
  measure('records cloned as objects, postMessage every 256', (r) => {
    objects.push({ ...r, info: { ...r.info, params: new Map() } });
    if (objects.length >= 256) {
      sink.postMessage(objects);
      objects = [];
    }
  }),
);
console.table(rows);
void sink.terminate();
