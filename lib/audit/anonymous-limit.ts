// Bounds what requests without an authenticated principal (unsigned, badly signed, failed sign-ins) can write
// to the audit trail: per source address and in total, per minute. Beyond that they are counted, not stored,
// and the count is logged once a minute. Authenticated calls are always recorded.

/** The limits (documented in README: "What the audit trail records"). */
export const ANONYMOUS_AUDIT_LIMITS = {
  /** Events of unauthenticated requests recorded per source address per minute. */
  perAddressPerMinute: 20,
  /** Events of unauthenticated requests recorded per minute in all (addresses can be many). */
  totalPerMinute: 600,
};

const WINDOW_MS = 60_000;

/** A fixed one-minute window of admitted unauthenticated events, per address and in total. */
export class AnonymousEventLimit {
  private windowStart = 0;
  private total = 0;
  private dropped = 0;
  private perAddress = new Map<string, number>();

  constructor(
    private readonly limits = ANONYMOUS_AUDIT_LIMITS,
    private readonly report: (dropped: number) => void = (dropped) =>
      console.warn(`[gatehouse] audit: ${dropped} events of unauthenticated requests over the per-minute limits were not recorded`),
  ) {}

  /** True when the event of an unauthenticated request from `address` may be recorded now. */
  admit(address: string, nowMs: number): boolean {
    if (nowMs - this.windowStart >= WINDOW_MS) {
      if (this.dropped > 0) this.report(this.dropped);
      this.windowStart = nowMs;
      this.total = 0;
      this.dropped = 0;
      this.perAddress = new Map();
    }
    const fromAddress = this.perAddress.get(address) ?? 0;
    if (fromAddress >= this.limits.perAddressPerMinute || this.total >= this.limits.totalPerMinute) {
      this.dropped++;
      return false;
    }
    this.perAddress.set(address, fromAddress + 1);
    this.total++;
    return true;
  }
}
