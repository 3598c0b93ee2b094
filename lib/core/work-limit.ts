// A counting semaphore with a bounded queue, for CPU work on libuv's thread pool (scrypt) that a flood must not pile up.
/** A counting semaphore with a bounded queue: `run` refuses (undefined) when the queue is full. */
export class WorkLimit {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limits: { checks: number; waiting: number }) {}

  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (this.running >= this.limits.checks) {
      if (this.queue.length >= this.limits.waiting) return undefined;
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}
