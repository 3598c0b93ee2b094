// Risks on a small account known by construction: admins without MFA, console plus keys, unused credentials and
// roles, roles trusting anyone or another account — each with a link to where it is fixed.
import { describe, expect, it } from 'vitest';
import { compileAccount } from './compile-account';
import { escalationAccount } from './escalation-account';
import { analyzeEscalation } from './escalation';
import { findRisks } from './risks';
import { parseCredentialReport } from './snapshot';

const NOW = new Date('2026-06-01T00:00:00Z');
const CSV = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  '<root_account>,arn:aws:iam::777788889999:root,2025-01-01T00:00:00+00:00,not_supported,2026-05-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  // An administrator with a password, a recently used key and no MFA.
  'root-admin,arn:aws:iam::777788889999:user/root-admin,2025-01-01T00:00:00+00:00,true,2026-05-30T00:00:00+00:00,2025-01-01T00:00:00+00:00,N/A,false,true,2025-01-01T00:00:00+00:00,2026-05-31T00:00:00+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  // An administrator by self-attachment with MFA; a key not used for a year.
  'self-attacher,arn:aws:iam::777788889999:user/self-attacher,2025-01-01T00:00:00+00:00,false,N/A,N/A,N/A,true,true,2025-01-01T00:00:00+00:00,2025-05-01T00:00:00+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  // Not an administrator; a password never used since 2025.
  'nobody,arn:aws:iam::777788889999:user/nobody,2025-01-01T00:00:00+00:00,true,no_information,2025-01-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
].join('\n');

describe('findRisks', () => {
  const snapshot = escalationAccount();
  snapshot.credentialReport = parseCredentialReport(CSV, NOW.toISOString());
  snapshot.roles[0].trustPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
  });
  snapshot.roles[1].trustPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::999999999999:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'x' } },
      },
    ],
  });
  snapshot.roles[2].lastUsed = '2026-05-20T00:00:00.000Z';
  snapshot.roles[3].created = '2024-01-01T00:00:00.000Z';
  const account = compileAccount(snapshot);
  const report = findRisks(account, analyzeEscalation(account), NOW);
  const line = (r: (typeof report.risks)[number]) => `${r.kind} ${r.principal.type}:${r.principal.name}`;

  it('finds each risk by construction, highest severity first', () => {
    expect(report.risks.map(line)).toEqual([
      'admin-without-mfa user:root-admin',
      'trusts-anyone role:ec2-admin',
      'console-and-keys user:root-admin',
      'trusts-other-account role:granted',
      'unused-access-key user:self-attacher',
      'unused-password user:nobody',
      'unused-role role:locked-admin',
    ]);
    expect(report.notChecked).toEqual([]);
  });

  it('links each risk to the page where it is fixed', () => {
    expect(report.risks[0].fix.href).toBe('/users/root-admin?tab=security');
    expect(report.risks.find((r) => r.kind === 'trusts-anyone')!.fix.href).toBe('/roles/ec2-admin?tab=trust');
    expect(report.risks.find((r) => r.kind === 'trusts-other-account')!.detail).toMatch(/999999999999 \(under conditions\)/);
  });

  it('says which checks it could not make without the credential report', () => {
    const bare = compileAccount(escalationAccount());
    expect(findRisks(bare, undefined, NOW).notChecked.join(' ')).toMatch(/credential report/);
  });
});
