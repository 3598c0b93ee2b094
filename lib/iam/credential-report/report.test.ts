// The credential report CSV: AWS's header, the root row first, AWS's value conventions per column.
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_REPORT_COLUMNS, credentialReportCsv, reportTime, type CredentialReportData } from './report';

const data: CredentialReportData = {
  accountId: '123456789012',
  root: { createDate: '2026-01-01T00:00:00.000Z', mfaActive: true, accessKeys: [] },
  users: [
    {
      user: {
        userId: 'AIDAALICE',
        userName: 'alice',
        path: '/team/',
        createDate: '2026-01-02T03:04:05.678Z',
        passwordLastUsed: '2026-02-01T00:00:00.000Z',
      },
      loginProfile: {
        userId: 'AIDAALICE',
        passwordHash: 'x',
        passwordResetRequired: false,
        createDate: '2026-01-03T00:00:00.000Z',
        passwordChangedDate: '2026-01-10T00:00:00.000Z',
      },
      mfaActive: false,
      accessKeys: [
        {
          accessKeyId: 'AKIA1',
          userId: 'AIDAALICE',
          secretEncrypted: 's',
          status: 'Active',
          createDate: '2026-01-04T00:00:00.000Z',
          lastUsedDate: '2026-01-05T00:00:00.000Z',
          lastUsedRegion: 'us-east-1',
          lastUsedService: 'iam',
        },
        { accessKeyId: 'AKIA2', userId: 'AIDAALICE', secretEncrypted: 's', status: 'Inactive', createDate: '2026-01-06T00:00:00.000Z' },
      ],
    },
    { user: { userId: 'AIDABOB', userName: 'bob', path: '/', createDate: '2026-01-07T00:00:00.000Z' }, mfaActive: true, accessKeys: [] },
    {
      user: { userId: 'AIDACAROL', userName: 'carol', path: '/', createDate: '2026-01-08T00:00:00.000Z' },
      loginProfile: { userId: 'AIDACAROL', passwordHash: 'x', passwordResetRequired: true, createDate: '2026-01-08T00:00:00.000Z' },
      mfaActive: false,
      accessKeys: [],
    },
  ],
  policy: {
    MinimumPasswordLength: 8,
    RequireSymbols: false,
    RequireNumbers: false,
    RequireUppercaseCharacters: false,
    RequireLowercaseCharacters: false,
    AllowUsersToChangePassword: true,
    MaxPasswordAge: 90,
  },
};

function parse(csv: string) {
  const [header, ...rows] = csv.split('\n').map((line) => line.split(','));
  return { header, rows: rows.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i]]))) };
}

describe('credential report CSV', () => {
  it("has AWS's 22 columns in AWS's order", () => {
    const { header } = parse(credentialReportCsv(data));
    expect(header).toEqual([...CREDENTIAL_REPORT_COLUMNS]);
    expect(header).toHaveLength(22);
    expect(header.join(',')).toBe(
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
        'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
        'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
        'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
    );
  });

  it('starts with the root account row', () => {
    const root = parse(credentialReportCsv(data)).rows[0];
    expect(root).toMatchObject({
      user: '<root_account>',
      arn: 'arn:aws:iam::123456789012:root',
      user_creation_time: '2026-01-01T00:00:00+00:00',
      password_enabled: 'not_supported',
      password_last_used: 'no_information',
      password_last_changed: 'not_supported',
      password_next_rotation: 'not_supported',
      mfa_active: 'true',
      access_key_1_active: 'false',
      access_key_1_last_rotated: 'N/A',
      cert_1_active: 'false',
      cert_2_last_rotated: 'N/A',
    });
  });

  it("fills a user's password, MFA and key columns as AWS does", () => {
    const [, alice, bob, carol] = parse(credentialReportCsv(data)).rows;
    expect(alice).toEqual({
      user: 'alice',
      arn: 'arn:aws:iam::123456789012:user/team/alice',
      user_creation_time: '2026-01-02T03:04:05+00:00',
      password_enabled: 'true',
      password_last_used: '2026-02-01T00:00:00+00:00',
      password_last_changed: '2026-01-10T00:00:00+00:00',
      password_next_rotation: '2026-04-10T00:00:00+00:00',
      mfa_active: 'false',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2026-01-04T00:00:00+00:00',
      access_key_1_last_used_date: '2026-01-05T00:00:00+00:00',
      access_key_1_last_used_region: 'us-east-1',
      access_key_1_last_used_service: 'iam',
      access_key_2_active: 'false',
      access_key_2_last_rotated: '2026-01-06T00:00:00+00:00',
      access_key_2_last_used_date: 'N/A',
      access_key_2_last_used_region: 'N/A',
      access_key_2_last_used_service: 'N/A',
      cert_1_active: 'false',
      cert_1_last_rotated: 'N/A',
      cert_2_active: 'false',
      cert_2_last_rotated: 'N/A',
    });
    expect(bob).toMatchObject({
      password_enabled: 'false',
      password_last_used: 'N/A',
      password_last_changed: 'N/A',
      password_next_rotation: 'N/A',
      mfa_active: 'true',
    });
    expect(carol).toMatchObject({
      password_enabled: 'true',
      password_last_used: 'no_information',
      password_last_changed: '2026-01-08T00:00:00+00:00',
    });
  });

  it('quotes fields holding commas', () => {
    const csv = credentialReportCsv({
      ...data,
      users: [
        { user: { userId: 'AIDAX', userName: 'a,b', path: '/', createDate: '2026-01-01T00:00:00Z' }, mfaActive: false, accessKeys: [] },
      ],
    });
    expect(csv.split('\n')[2].startsWith('"a,b","arn:aws:iam::123456789012:user/a,b",')).toBe(true);
  });

  it('formats times without milliseconds, with an explicit UTC offset', () => {
    expect(reportTime('2026-05-06T07:08:09.123Z')).toBe('2026-05-06T07:08:09+00:00');
  });
});
