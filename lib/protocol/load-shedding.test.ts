// Load shedding: within one turn of the event loop, requests are served until the turn's work has kept them
// waiting longer than the bound; the next turn starts afresh; 0 never sheds.
import { describe, expect, it } from 'vitest';
import { createLoadShedder, SAMPLE_EVERY_MS } from './load-shedding';

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

describe('createLoadShedder under steady load', () => {
  it('reads the CPU clock at most once per SAMPLE_EVERY_MS of wall time across many short turns', async () => {
    let cpu = 0;
    let idle = 0;
    let active = 0;
    let cpuReads = 0;
    const shedder = createLoadShedder(
      50,
      () => {
        cpuReads++;
        return cpu;
      },
      () => ({ idle, active }),
    );
    // 100 turns of 0.2 ms busy and 0.05 ms idle each: 25 ms of wall time.
    for (let turn = 0; turn < 100; turn++) {
      idle += 0.05;
      expect(shedder.admit()).toBe(true);
      active += 0.2;
      cpu += 0.2;
      expect(shedder.admit()).toBe(true);
    }
    expect(cpuReads).toBeLessThanOrEqual(Math.ceil(25 / SAMPLE_EVERY_MS) + 1);
    expect(cpuReads).toBeGreaterThanOrEqual(1);
  });

  it('does not count work done before the turn (since a reused reading) as waiting', () => {
    let cpu = 0;
    let idle = 0;
    let active = 0;
    const shedder = createLoadShedder(
      50,
      () => cpu,
      () => ({ idle, active }),
    );
    expect(shedder.admit()).toBe(true); // reading taken: cpu 0
    // 4 ms of the loop's own work, then a new turn within SAMPLE_EVERY_MS of the reading (no new reading).
    active += 4;
    cpu += 4;
    idle += 0.5;
    expect(shedder.admit()).toBe(true);
    // 52 ms of wall time in this turn, 48 ms of it this process's work: served. Counting the 4 ms before the
    // turn (the reading is older than the turn) would make the requests look 52 ms old and shed them.
    active += 52;
    cpu += 48;
    expect(shedder.admit()).toBe(true);
    active += 3;
    cpu += 3;
    expect(shedder.admit()).toBe(false);
  });
});
