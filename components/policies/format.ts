// Small display helpers shared by the groups, roles and policies pages.

import { formatTime } from '@/components/ui/time';

/** `2026-11-27 22:10 UTC` from an ISO timestamp (or an em dash): the console's one time format. */
export function formatDate(iso: string | undefined | null): string {
  return formatTime(iso);
}

/** The console URL of a managed policy's detail page. */
export function policyHref(arn: string, tab?: string): string {
  return `/policies/detail?arn=${encodeURIComponent(arn)}${tab ? `&tab=${tab}` : ''}`;
}

/** Seconds as hours and minutes (3600 → "1 hour"). */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  return (
    [hours ? `${hours} hour${hours > 1 ? 's' : ''}` : '', minutes ? `${minutes} minute${minutes > 1 ? 's' : ''}` : '']
      .filter(Boolean)
      .join(' ') || '0 minutes'
  );
}

/**
 * A starter identity-based policy for new documents: valid as it stands (no finding), granting one read of one
 * example bucket, for the person to change.
 */
export const STARTER_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Sid: 'Statement1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::example-bucket/*'] }],
  },
  null,
  2,
);
