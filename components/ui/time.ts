// The console's one way to show a point in time: UTC, `2026-11-27 22:10 UTC` (seconds where they matter), the
// same on the server and in every browser whatever its time zone or locale — so pages hydrate without mismatch.

/** `YYYY-MM-DD HH:MM UTC` (or with `:SS`) from an ISO string, epoch milliseconds or a Date; `—` when absent or invalid. */
export function formatTime(value: string | number | Date | null | undefined, options: { seconds?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date
    .toISOString()
    .replace('T', ' ')
    .slice(0, options.seconds ? 19 : 16)} UTC`;
}
