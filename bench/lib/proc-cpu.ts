// CPU time of a process or thread from Linux /proc, for the benchmarks' per-request CPU figures.
import fs from 'node:fs';

/** User + system CPU milliseconds from a /proc stat file (process or thread; 10 ms ticks). */
export function cpuMsOf(statFile: string): number {
  const fields = fs.readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}
