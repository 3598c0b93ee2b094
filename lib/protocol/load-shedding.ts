// Load shedding: a request that has already waited too long for the event loop is answered `Throttling` at once
// (as IAM answers a caller over its rate, and SDKs retry with back-off) instead of adding its work to the queue,
// so the latency of the requests that are served stays bounded however many arrive.
import { performance } from 'node:perf_hooks';

/** This process's CPU time in milliseconds (user + system). */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Decides, per request, whether to serve it or shed it. */
export interface LoadShedder {
  /** True to serve the request now; false when it has waited longer than the bound (answer `Throttling`). */
  admit(): boolean;
}

/** The event loop's idle and active time so far, in milliseconds (performance.eventLoopUtilization()). */
export type LoopTimes = () => { idle: number; active: number };

/**
 * Sheds requests that have waited more than `maxQueueMs` for the event loop; 0 turns shedding off.
 *
 * How long a request has waited is measured from below, for free: every request handled in one turn of the
 * event loop was ready when that turn's poll began, so each has waited at least as long as the work done
 * since the turn's first request. That work is counted in this process's CPU time (`clock`), not wall time:
 * a machine busy with other processes slows everyone, and shedding would not help it. The first request of a
 * turn is always served, so a lone slow request never causes another to be shed unless it kept that one
 * waiting longer than the bound. The CPU clock is a system call: it is read at a turn's first request, and
 * later only once the turn's wall time (the loop's active time, which `loop` reports anyway) has passed the
 * bound, since no request of the turn can have waited longer than that. Under steady load turns are short and
 * many, so a turn's start is not read afresh every time either: the last reading, at most `SAMPLE_EVERY_MS` of
 * wall time old, stands in for it, less the loop's busy time since (which bounds this thread's CPU time since), so
 * the wait is never overstated by the reuse.
 */
/** How old (in wall-clock milliseconds) a reading of the CPU clock may be and still mark a turn's start. */
export const SAMPLE_EVERY_MS = 5;

export function createLoadShedder(
  maxQueueMs: number,
  clock: () => number = cpuMs,
  loop: LoopTimes = () => performance.eventLoopUtilization(),
): LoadShedder {
  if (!(maxQueueMs > 0)) return { admit: () => true };
  let turnStart: number | undefined;
  let idleAtTurnStart = 0;
  let activeAtTurnStart = 0;
  // The last reading of the CPU clock, and the loop's wall and busy time when it was taken.
  let sampleCpu = 0;
  let sampleWall = -Infinity;
  let sampleActive = 0;
  const endTurn = () => {
    turnStart = undefined;
  };
  return {
    admit(): boolean {
      // A turn ends at the check phase that follows its poll (setImmediate), or as soon as the loop is seen to
      // have waited idle for I/O since (for requests handled outside the poll phase).
      const { idle, active } = loop();
      if (turnStart === undefined || idle !== idleAtTurnStart) {
        if (idle + active - sampleWall >= SAMPLE_EVERY_MS) {
          sampleCpu = clock();
          sampleWall = idle + active;
          sampleActive = active;
        }
        // CPU time at the turn's start is at least the reading plus this thread's work since, which is at most
        // the loop's busy time since: taking the larger start can only understate how long requests waited.
        turnStart = sampleCpu + (active - sampleActive);
        idleAtTurnStart = idle;
        activeAtTurnStart = active;
        setImmediate(endTurn);
        return true;
      }
      if (active - activeAtTurnStart <= maxQueueMs) return true;
      return clock() - turnStart <= maxQueueMs;
    },
  };
}
