// Load shedding: within one turn of the event loop, requests are served until the turn's work has kept them
// waiting longer than the bound; the next turn starts afresh; 0 never sheds.
import { describe, expect, it } from 'vitest';
import { createLoadShedder } from './load-shedding';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

describe('createLoadShedder', () => {
  it('serves the first request of a turn, and later ones of the same turn until they have waited longer than the bound', async () => {
    let now = 1000;
    const shedder = createLoadShedder(50, () => now);
    expect(shedder.admit()).toBe(true);
    now += 30;
    expect(shedder.admit()).toBe(true);
    now += 21;
    expect(shedder.admit()).toBe(false);
    await nextTurn();
    now += 500;
    expect(shedder.admit()).toBe(true);
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
