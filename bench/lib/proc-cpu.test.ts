// The benchmarks' CPU readings from Linux /proc: a process's stat line, the machine's steal time, and the share stolen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cpuMsOf, hostCpuTicks, stealPercent, threadCpuMs } from './proc-cpu';

const dirs: string[] = [];
const file = (name: string, text: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-cpu-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('cpuMsOf', () => {
  it('adds utime and stime (fields 14 and 15, in 10 ms ticks), whatever spaces the thread name holds', () => {
    const stat = file('stat', '4242 (gatehouse audit) S 1 4242 4242 0 -1 4194304 100 0 0 0 37 5 0 0 20 0 12 0 0 0 0\n');
    expect(cpuMsOf(stat)).toBe(420);
  });

  it('reads this process', () => {
    expect(cpuMsOf('/proc/self/stat')).toBeGreaterThanOrEqual(0);
  });
});

describe('hostCpuTicks', () => {
  it('sums the first eight columns of the cpu line and takes the eighth as steal (guest time is already in user)', () => {
    const stat = file('stat', 'cpu  100 2 30 800 4 0 1 13 50 0\ncpu0 50 1 15 400 2 0 1 6 25 0\nintr 1\n');
    expect(hostCpuTicks(stat)).toEqual({ total: 950, steal: 13 });
  });

  it('is undefined without the file or without a cpu line', () => {
    expect(hostCpuTicks(path.join(os.tmpdir(), 'gatehouse-no-such-dir', 'stat'))).toBeUndefined();
    expect(hostCpuTicks(file('stat', 'intr 1\nctxt 2\n'))).toBeUndefined();
  });
});

describe('stealPercent', () => {
  it('is the steal ticks between two readings over all ticks between them', () => {
    expect(stealPercent({ total: 1000, steal: 10 }, { total: 1400, steal: 30 })).toBe(5);
  });

  it('is undefined without both readings or when no time passed', () => {
    expect(stealPercent(undefined, { total: 10, steal: 0 })).toBeUndefined();
    expect(stealPercent({ total: 10, steal: 0 }, undefined)).toBeUndefined();
    expect(stealPercent({ total: 10, steal: 0 }, { total: 10, steal: 0 })).toBeUndefined();
  });
});

describe('threadCpuMs', () => {
  const taskDir = (files: Record<string, string>): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-cpu-task-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  };

  it("reads the scheduler's run time in nanoseconds (schedstat's first field), not the stat file's ticks", () => {
    const dir = taskDir({ schedstat: '123456789 5000 42\n', stat: '7 (node) S 1 7 7 0 -1 0 0 0 0 0 90 10 0 0 20 0 1 0 0 0 0\n' });
    expect(threadCpuMs(dir)).toBeCloseTo(123.456789, 9);
  });

  it('falls back to the stat file where the kernel has no schedstat', () => {
    expect(threadCpuMs(taskDir({ stat: '7 (node) S 1 7 7 0 -1 0 0 0 0 0 90 10 0 0 20 0 1 0 0 0 0\n' }))).toBe(1000);
  });

  it('reads this thread to within a tick of its stat file, finer than ticks', () => {
    const self = `/proc/self/task/${process.pid}`;
    const ms = threadCpuMs(self);
    expect(Math.abs(ms - cpuMsOf(`${self}/stat`))).toBeLessThan(20);
    expect(ms % 10).not.toBe(0); // ticks are 10 ms; nanoseconds land on a multiple of 10 ms about never
  });
});
