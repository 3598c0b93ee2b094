// Recommendations are computed from the summary, the credential report and the password policy.
import { describe, expect, it, vi } from 'vitest';
import { computeRecommendations } from './security-recommendations';

vi.mock('server-only', () => ({}));
const { parseCsv } = await import('./credential-report');

const now = new Date('2026-06-01T00:00:00Z');
const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

const CSV = [
  HEADER,
  '<root_account>,arn:aws:iam::123456789012:root,2026-01-01T00:00:00+00:00,not_supported,2026-05-30T00:00:00+00:00,not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'alice,arn:aws:iam::123456789012:user/alice,2026-01-01T00:00:00+00:00,true,2026-05-30T00:00:00+00:00,2026-01-01T00:00:00+00:00,N/A,true,true,2026-05-01T00:00:00+00:00,2026-05-30T00:00:00+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'bob,arn:aws:iam::123456789012:user/team/bob,2026-01-01T00:00:00+00:00,true,no_information,2026-01-01T00:00:00+00:00,N/A,false,true,2026-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
].join('\n');

describe('computeRecommendations', () => {
  it('flags root MFA, users without MFA, old and unused keys, unused passwords and a missing policy', () => {
    const recs = computeRecommendations({
      summary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0 },
      report: parseCsv(CSV),
      hasPasswordPolicy: false,
      now,
    });
    const byId = Object.fromEntries(recs.map((r) => [r.id, r]));
    expect(Object.keys(byId).sort()).toEqual([
      'no-password-policy',
      'old-access-keys',
      'root-mfa',
      'unused-credentials',
      'users-without-mfa',
    ]);
    expect(byId['users-without-mfa']!.subjects.map((s) => s.name)).toEqual(['bob']);
    expect(byId['old-access-keys']!.subjects).toEqual([
      { name: 'bob', arn: 'arn:aws:iam::123456789012:user/team/bob', note: 'access key 1 created 2026-01-01' },
    ]);
    expect(byId['unused-credentials']!.subjects.map((s) => s.note)).toEqual(['access key 1 never used', 'password never used']);
  });

  it('flags root access keys and stays silent on what it does not know', () => {
    const recs = computeRecommendations({ summary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 1 }, now });
    expect(recs.map((r) => r.id)).toEqual(['root-access-keys']);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsv('a,b\r\n"x,1","say ""hi"""\r\n')).toEqual([{ a: 'x,1', b: 'say "hi"' }]);
  });
});
