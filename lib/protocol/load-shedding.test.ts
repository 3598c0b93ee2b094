// Load shedding: within one turn of the event loop, requests are served until the turn's work has kept them
// waiting longer than the bound; the next turn starts afresh; 0 never sheds.
import { describe, expect, it } from 'vitest';
import { createLoadShedder } from './load-shedding';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

describe('createLoadShedder', () => {
  it('serves the first request of a turn, and later ones of the same turn until they have waited longer than the bound', async () => {
    let now = 1000;
    // CPU and wall time advance together here: the loop is busy with this process's own work.
    const shedder = createLoadShedder(
      50,
      () => now,
      () => ({ idle: 0, active: now }),
    );
    expect(shedder.admit()).toBe(true);
    now += 30;
    expect(shedder.admit()).toBe(true);
    now += 21;
    expect(shedder.admit()).toBe(false);
    await nextTurn();
    now += 500;
    expect(shedder.admit()).toBe(true);
  });

  it('sheds nothing while the turn has lasted less than the bound in wall time, and reads the CPU clock only past it', () => {
    let cpu = 0;
    let wall = 0;
    let cpuReads = 0;
    const shedder = createLoadShedder(
      50,
      () => {
        cpuReads++;
        return cpu;
      },
      () => ({ idle: 0, active: wall }),
    );
    expect(shedder.admit()).toBe(true);
    expect(cpuReads).toBe(1);
    for (let i = 0; i < 5; i++) {
      wall += 10;
      expect(shedder.admit()).toBe(true);
    }
    expect(cpuReads).toBe(1);
    // Past the bound in wall time, but the CPU went elsewhere (another process): still served.
    wall += 40;
    cpu += 20;
    expect(shedder.admit()).toBe(true);
    expect(cpuReads).toBe(2);
    // This process's own work past the bound: shed.
    cpu += 40;
    expect(shedder.admit()).toBe(false);
  });

  it('never sheds when the bound is 0', () => {
    let now = 0;
    const shedder = createLoadShedder(0, () => now);
    for (let i = 0; i < 10; i++) {
      now += 10_000;
      expect(shedder.admit()).toBe(true);
    }
  });
});
