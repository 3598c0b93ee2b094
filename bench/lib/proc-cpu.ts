// CPU time of a process or thread from Linux /proc, for the benchmarks' per-request CPU figures.
import fs from 'node:fs';

/** User + system CPU milliseconds from a /proc stat file (process or thread; 10 ms ticks). */
export function cpuMsOf(statFile: string): number {
  const fields = fs.readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

/**
 * CPU milliseconds one thread has run (`taskDir`: /proc/PID/task/TID), from its schedstat file: the scheduler's
 * run time in nanoseconds, user and system together. Its stat file counts 10 ms ticks, too coarse for a pass of a
 * few hundred requests (a thread that runs 50 µs a request gets 2 ticks in 400); read when the kernel has no
 * schedstat. A process's total stays with `cpuMsOf` of its stat: schedstat has no share of threads that ended.
 */
export function threadCpuMs(taskDir: string): number {
  let ns = NaN;
  try {
    ns = Number(fs.readFileSync(`${taskDir}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    // No schedstat (a kernel without scheduler statistics): the ticks below.
  }
  return Number.isFinite(ns) ? ns / 1e6 : cpuMsOf(`${taskDir}/stat`);
}

/**
 * The machine's CPU time so far from /proc/stat (all CPUs, in ticks): in total, and stolen (a virtual machine's CPUs
 * serving other guests meanwhile). Undefined where the file is not there (not Linux) or has no `cpu` line. `statFile`
 * is for tests.
 */
export function hostCpuTicks(statFile = '/proc/stat'): { total: number; steal: number } | undefined {
  let line: string | undefined;
  try {
    line = fs
      .readFileSync(statFile, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('cpu '));
  } catch {
    return undefined;
  }
  if (!line) return undefined;
  // user nice system idle iowait irq softirq steal (guest times are counted in user already).
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  return { total: ticks.reduce((sum, t) => sum + t, 0), steal: ticks[7] ?? 0 };
}

/** The share of the machine's CPU time stolen between two `hostCpuTicks` readings, in percent (undefined without both). */
export function stealPercent(before: ReturnType<typeof hostCpuTicks>, after: ReturnType<typeof hostCpuTicks>): number | undefined {
  if (!before || !after || after.total <= before.total) return undefined;
  return (100 * (after.steal - before.steal)) / (after.total - before.total);
}
