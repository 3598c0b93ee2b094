// Cross-instance cache invalidation on PostgreSQL: a write unit that changes what instances cache sends
// `NOTIFY gatehouse_invalidate` in its transaction (delivered only if it commits); every instance LISTENs on a
// dedicated connection and tells its caches to drop what they hold. While that connection is down, changes by
// other instances could go unannounced, so the caches are dropped at once and reported untrusted (bypassed)
// until the connection is back and listening again.
import pg from 'pg';

/** The channel of the announcements. */
export const INVALIDATION_CHANNEL = 'gatehouse_invalidate';
/** How often the listening connection is checked (a connection can die without closing). */
const HEARTBEAT_MS = 5000;
/** Reconnection back-off: from this delay, doubling, up to the maximum (each with jitter). */
const RECONNECT_MIN_MS = 50;
const RECONNECT_MAX_MS = 5000;

export interface InvalidationOptions {
  /** Heartbeat interval in ms (default 5000). */
  heartbeatMs?: number;
  /** First reconnection delay in ms (default 50; doubles up to 5000). */
  reconnectMinMs?: number;
}

/** The listening side: one connection per instance, reconnected with back-off when lost. */
export class InvalidationListener {
  private client: pg.Client | undefined;
  private listening = false;
  private closed = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private readonly listeners: (() => void)[] = [];

  private constructor(
    private readonly config: pg.ClientConfig,
    private readonly heartbeatMs: number,
    private readonly reconnectMinMs: number,
  ) {}

  /** Connects and LISTENs; rejects when the first connection fails (the database is unreachable at start-up). */
  static async start(config: pg.ClientConfig, options: InvalidationOptions = {}): Promise<InvalidationListener> {
    const listener = new InvalidationListener(config, options.heartbeatMs ?? HEARTBEAT_MS, options.reconnectMinMs ?? RECONNECT_MIN_MS);
    await listener.connect();
    return listener;
  }

  /** True while the connection is up and listening: every committed change is then announced to this instance. */
  get trusted(): boolean {
    return this.listening;
  }

  /** The server process id of the listening connection (tests end it with pg_terminate_backend). */
  get backendPid(): number | undefined {
    return this.listening ? (this.client as unknown as { processID?: number } | undefined)?.processID : undefined;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.heartbeatTimer);
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => undefined);
  }

  private emit(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        console.error('[gatehouse] cache invalidation listener failed:', error instanceof Error ? error.stack : String(error));
      }
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...this.config, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === INVALIDATION_CHANNEL) this.emit();
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.listening = true;
    this.attempt = 0;
    // Whatever was cached while nothing was heard (bypassed, but stored) is dropped now that announcements flow.
    this.emit();
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = setInterval(() => this.heartbeat(client), this.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  /** A query that does not answer within the interval means a dead connection: treat it as lost. */
  private heartbeat(client: pg.Client): void {
    if (client !== this.client) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('heartbeat timed out')), this.heartbeatMs);
    });
    Promise.race([client.query('SELECT 1'), timeout])
      .catch(() => {
        this.lost(client);
      })
      .finally(() => clearTimeout(timer));
  }

  /** The listening connection is gone: drop and bypass the caches, reconnect with back-off. */
  private lost(client: pg.Client): void {
    if (client !== this.client) return;
    this.client = undefined;
    this.listening = false;
    clearInterval(this.heartbeatTimer);
    client.end().catch(() => undefined);
    this.emit();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const base = Math.max(this.reconnectMinMs, Math.min(RECONNECT_MAX_MS, this.reconnectMinMs * 2 ** this.attempt++));
    this.reconnectTimer = setTimeout(
      () => {
        this.connect().catch(() => this.scheduleReconnect());
      },
      base / 2 + Math.random() * (base / 2),
    );
    this.reconnectTimer.unref();
  }
}
