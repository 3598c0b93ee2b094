// Console passwords, the account password policy, virtual MFA and the credential report, through the AWS SDK
// against a running server: returned values, pagination and AWS's error codes and messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChangePasswordCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  ListMFADeviceTagsCommand,
  TagMFADeviceCommand,
  UntagMFADeviceCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  PutUserPolicyCommand,
  ResyncMFADeviceCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { Secret, TOTP } from 'otpauth';
import { newAccessKeyId, newSecretAccessKey } from '../../lib/crypto/ids';
import { startServer, errorCode, type Credentials, type TestServer } from './harness';

let server: TestServer;
let iam: IAMClient;
beforeAll(async () => {
  server = await startServer();
  iam = server.iam;
});
afterAll(async () => {
  await server.stop();
});

/** The AWS error (code and message) of a rejected call. */
async function awsError(promise: Promise<unknown>): Promise<{ code: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; Code?: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { code: e.Code ?? e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** The TOTP code of a seed at `offsetSteps` 30-second steps from now. */
function code(seed: string, offsetSteps = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: Date.now() + offsetSteps * 30_000 });
}

/** Signing credentials of a new access key of `userName` (created by the admin). */
async function keyFor(userName: string): Promise<Credentials> {
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

/** An access key of the root user, put straight into the store (the API has no way to create one for root). */
async function rootKey(): Promise<Credentials> {
  const accessKeyId = newAccessKeyId('123456789012');
  const secretAccessKey = newSecretAccessKey();
  await server.service.store.accessKeys.insert({
    accessKeyId,
    secretEncrypted: server.service.secrets.encrypt(secretAccessKey),
    status: 'Active',
    createDate: new Date().toISOString(),
  });
  return { accessKeyId, secretAccessKey };
}

async function createVirtualDevice(name: string, path?: string) {
  const { VirtualMFADevice } = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, Path: path }));
  return { serial: VirtualMFADevice!.SerialNumber!, seed: new TextDecoder().decode(VirtualMFADevice!.Base32StringSeed!) };
}

describe('account password policy', () => {
  it('answers NoSuchEntity with the account ID when no policy is set', async () => {
    const error = await awsError(iam.send(new GetAccountPasswordPolicyCommand({})));
    expect(error).toMatchObject({
      code: 'NoSuchEntity',
      status: 404,
      message: `The Password Policy with domain name ${server.accountId} cannot be found.`,
    });
    expect(await errorCode(iam.send(new DeleteAccountPasswordPolicyCommand({})))).toBe('NoSuchEntity');
  });

  it('sets a policy, filling unset parameters with AWS defaults and deriving ExpirePasswords', async () => {
    await iam.send(new UpdateAccountPasswordPolicyCommand({ RequireNumbers: true }));
    const { PasswordPolicy } = await iam.send(new GetAccountPasswordPolicyCommand({}));
    expect(PasswordPolicy).toEqual({
      MinimumPasswordLength: 6,
      RequireSymbols: false,
      RequireNumbers: true,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: false,
    });

    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 10,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        MaxPasswordAge: 90,
        PasswordReusePrevention: 3,
        HardExpiry: false,
      }),
    );
    const updated = (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
    expect(updated).toEqual({
      MinimumPasswordLength: 10,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 3,
      HardExpiry: false,
    });
  });

  it('rejects values outside AWS ranges', async () => {
    expect(await errorCode(iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 5 })))).toBe('ValidationError');
    expect(await errorCode(iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 129 })))).toBe('ValidationError');
    expect(await errorCode(iam.send(new UpdateAccountPasswordPolicyCommand({ MaxPasswordAge: 1096 })))).toBe('ValidationError');
    expect(await errorCode(iam.send(new UpdateAccountPasswordPolicyCommand({ PasswordReusePrevention: 25 })))).toBe('ValidationError');
  });

  it('deletes the policy', async () => {
    await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    expect(await errorCode(iam.send(new GetAccountPasswordPolicyCommand({})))).toBe('NoSuchEntity');
  });
});

describe('login profiles', () => {
  beforeAll(async () => {
    await iam.send(new CreateUserCommand({ UserName: 'pat' }));
    await iam.send(new CreateUserCommand({ UserName: 'no-password' }));
  });

  it("applies AWS's default password rules when the account has no policy", async () => {
    const error = await awsError(iam.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: 'short' })));
    expect(error.code).toBe('PasswordPolicyViolation');
    expect(error.status).toBe(400);
    expect(error.message).toContain('minimum length of 8');
    expect(await errorCode(iam.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: 'alllowercase' })))).toBe(
      'PasswordPolicyViolation',
    );
  });

  it('creates a login profile and refuses a second one', async () => {
    const { LoginProfile } = await iam.send(
      new CreateLoginProfileCommand({ UserName: 'pat', Password: 'Initial-Pass-1', PasswordResetRequired: true }),
    );
    expect(LoginProfile?.UserName).toBe('pat');
    expect(LoginProfile?.PasswordResetRequired).toBe(true);
    expect(LoginProfile?.CreateDate).toBeInstanceOf(Date);
    const error = await awsError(iam.send(new CreateLoginProfileCommand({ UserName: 'PAT', Password: 'Another-Pass-1' })));
    expect(error).toMatchObject({ code: 'EntityAlreadyExists', status: 409, message: 'Login Profile for user pat already exists.' });
  });

  it('reads a login profile (never the password)', async () => {
    const { LoginProfile } = await iam.send(new GetLoginProfileCommand({ UserName: 'pat' }));
    expect(LoginProfile).toEqual({ UserName: 'pat', CreateDate: expect.any(Date), PasswordResetRequired: true });
  });

  it('answers NoSuchEntity for a user without a profile and for an unknown user', async () => {
    const error = await awsError(iam.send(new GetLoginProfileCommand({ UserName: 'no-password' })));
    expect(error).toMatchObject({ code: 'NoSuchEntity', message: 'Login Profile for User no-password cannot be found.' });
    expect(await errorCode(iam.send(new UpdateLoginProfileCommand({ UserName: 'no-password', PasswordResetRequired: false })))).toBe(
      'NoSuchEntity',
    );
    expect(await errorCode(iam.send(new DeleteLoginProfileCommand({ UserName: 'no-password' })))).toBe('NoSuchEntity');
    const unknown = await awsError(iam.send(new CreateLoginProfileCommand({ UserName: 'ghost', Password: 'Valid-Pass-123' })));
    expect(unknown).toMatchObject({ code: 'NoSuchEntity', message: 'The user with name ghost cannot be found.' });
  });

  it('updates the reset flag and the password, enforcing the account policy', async () => {
    await iam.send(new UpdateLoginProfileCommand({ UserName: 'pat', PasswordResetRequired: false }));
    expect((await iam.send(new GetLoginProfileCommand({ UserName: 'pat' }))).LoginProfile?.PasswordResetRequired).toBe(false);

    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12, RequireSymbols: true }));
    const error = await awsError(iam.send(new UpdateLoginProfileCommand({ UserName: 'pat', Password: 'NoSymbolsHere123' })));
    expect(error).toMatchObject({ code: 'PasswordPolicyViolation', message: 'Password should have at least one symbol' });
    await iam.send(new UpdateLoginProfileCommand({ UserName: 'pat', Password: 'Admin-Set-Pass-1', PasswordResetRequired: true }));
    expect((await iam.send(new GetLoginProfileCommand({ UserName: 'pat' }))).LoginProfile?.PasswordResetRequired).toBe(true);
    await iam.send(new DeleteAccountPasswordPolicyCommand({}));
  });

  it('keeps a user with a login profile from being deleted, then deletes the profile', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'leaver' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'leaver', Password: 'Leaver-Pass-1' }));
    expect(await errorCode(iam.send(new DeleteUserCommand({ UserName: 'leaver' })))).toBe('DeleteConflict');
    await iam.send(new DeleteLoginProfileCommand({ UserName: 'leaver' }));
    expect(await errorCode(iam.send(new GetLoginProfileCommand({ UserName: 'leaver' })))).toBe('NoSuchEntity');
    await iam.send(new DeleteUserCommand({ UserName: 'leaver' }));
  });
});

describe('ChangePassword', () => {
  let pat: IAMClient;
  beforeAll(async () => {
    pat = server.clientFor(await keyFor('pat')).iam;
    // AllowUsersToChangePassword grants every user iam:ChangePassword on itself (the authorizer honours it).
    await iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }));
  });
  afterAll(async () => {
    await iam.send(new DeleteAccountPasswordPolicyCommand({}));
  });

  it('is not allowed to users without permission when AllowUsersToChangePassword is off', async () => {
    await iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: false }));
    const error = await awsError(pat.send(new ChangePasswordCommand({ OldPassword: 'Admin-Set-Pass-1', NewPassword: 'Brand-New-Pass-1' })));
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toContain('iam:ChangePassword');
    await iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }));
  });

  it('refuses a wrong old password', async () => {
    const error = await awsError(
      pat.send(new ChangePasswordCommand({ OldPassword: 'Not-The-Password-1', NewPassword: 'Brand-New-Pass-1' })),
    );
    expect(error).toMatchObject({ code: 'AccessDenied', message: 'The old password is incorrect.' });
  });

  it('enforces the account password policy on the new password', async () => {
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 14,
        RequireNumbers: true,
        PasswordReusePrevention: 2,
        AllowUsersToChangePassword: true,
      }),
    );
    const error = await awsError(pat.send(new ChangePasswordCommand({ OldPassword: 'Admin-Set-Pass-1', NewPassword: 'Too-Short-1' })));
    expect(error).toMatchObject({ code: 'PasswordPolicyViolation', message: 'Password should have a minimum length of 14' });
  });

  it('changes the password and clears PasswordResetRequired', async () => {
    await pat.send(new ChangePasswordCommand({ OldPassword: 'Admin-Set-Pass-1', NewPassword: 'Second-Password-2' }));
    expect((await iam.send(new GetLoginProfileCommand({ UserName: 'pat' }))).LoginProfile?.PasswordResetRequired).toBe(false);
    // The old password no longer works.
    const stale = await awsError(
      pat.send(new ChangePasswordCommand({ OldPassword: 'Admin-Set-Pass-1', NewPassword: 'Third-Password-33' })),
    );
    expect(stale).toMatchObject({ code: 'AccessDenied', message: 'The old password is incorrect.' });
  });

  it('refuses any of the last PasswordReusePrevention passwords', async () => {
    const error = await awsError(
      pat.send(new ChangePasswordCommand({ OldPassword: 'Second-Password-2', NewPassword: 'Admin-Set-Pass-1' })),
    );
    expect(error.code).toBe('PasswordPolicyViolation');
    expect(error.message).toContain('last 2 passwords');
    expect(
      await errorCode(pat.send(new ChangePasswordCommand({ OldPassword: 'Second-Password-2', NewPassword: 'Second-Password-2' }))),
    ).toBe('PasswordPolicyViolation');
    await pat.send(new ChangePasswordCommand({ OldPassword: 'Second-Password-2', NewPassword: 'Third-Password-33' }));
    await pat.send(new ChangePasswordCommand({ OldPassword: 'Third-Password-33', NewPassword: 'Admin-Set-Pass-1' }));
    await iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }));
  });

  it('answers InvalidUserType to the root user', async () => {
    const root = server.clientFor(await rootKey()).iam;
    const error = await awsError(
      root.send(new ChangePasswordCommand({ OldPassword: server.rootPassword, NewPassword: 'Root-New-Pass-1' })),
    );
    expect(error).toMatchObject({ code: 'InvalidUserType', status: 400 });
  });

  it('answers NoSuchEntity to a user without a login profile', async () => {
    const nobody = server.clientFor(await keyFor('no-password')).iam;
    expect(await errorCode(nobody.send(new ChangePasswordCommand({ OldPassword: 'Whatever-1', NewPassword: 'Whatever-Else-2' })))).toBe(
      'NoSuchEntity',
    );
  });
});

describe('virtual MFA devices', () => {
  let phone: { serial: string; seed: string };

  it('creates a device with a base32 seed and a QR code PNG, returned only on creation', async () => {
    const { VirtualMFADevice } = await iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'pat-phone', Path: '/team/', Tags: [{ Key: 'owner', Value: 'pat' }] }),
    );
    expect(VirtualMFADevice?.SerialNumber).toBe(`arn:aws:iam::${server.accountId}:mfa/team/pat-phone`);
    const seed = new TextDecoder().decode(VirtualMFADevice!.Base32StringSeed!);
    expect(seed).toMatch(/^[A-Z2-7]{64}$/);
    const png = Buffer.from(VirtualMFADevice!.QRCodePNG!);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(VirtualMFADevice?.Tags).toEqual([{ Key: 'owner', Value: 'pat' }]);
    phone = { serial: VirtualMFADevice!.SerialNumber!, seed };

    const duplicate = await awsError(iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'pat-phone', Path: '/team/' })));
    expect(duplicate.code).toBe('EntityAlreadyExists');
    expect(await errorCode(iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'x'.repeat(227) })))).toBe('ValidationError');
    expect(await errorCode(iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'bad name' })))).toBe('ValidationError');
    expect(await errorCode(iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'ok', Path: 'no-slashes' })))).toBe(
      'ValidationError',
    );
  });

  it('tags, lists tags of and untags a device', async () => {
    await iam.send(
      new TagMFADeviceCommand({
        SerialNumber: phone.serial,
        Tags: [
          { Key: 'team', Value: 'blue' },
          { Key: 'OWNER', Value: 'patricia' },
        ],
      }),
    );
    const { Tags, IsTruncated } = await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: phone.serial }));
    expect(IsTruncated).toBe(false);
    // 'OWNER' overwrites the creation tag 'owner' in place (keys ignore case, the new spelling wins); 'team' is new.
    expect(Tags).toEqual([
      { Key: 'OWNER', Value: 'patricia' },
      { Key: 'team', Value: 'blue' },
    ]);
    await iam.send(new UntagMFADeviceCommand({ SerialNumber: phone.serial, TagKeys: ['team', 'OWNER'] }));
    expect((await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: phone.serial }))).Tags).toEqual([]);
    await iam.send(new TagMFADeviceCommand({ SerialNumber: phone.serial, Tags: [{ Key: 'owner', Value: 'pat' }] }));
    const duplicate = await awsError(
      iam.send(
        new TagMFADeviceCommand({
          SerialNumber: phone.serial,
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'A', Value: '2' },
          ],
        }),
      ),
    );
    expect(duplicate.code).toBe('InvalidInput');
    expect(await errorCode(iam.send(new ListMFADeviceTagsCommand({ SerialNumber: `arn:aws:iam::${server.accountId}:mfa/none` })))).toBe(
      'NoSuchEntity',
    );
  });

  it('refuses wrong, reversed or non-consecutive codes with InvalidAuthenticationCode', async () => {
    const enable = (code1: string, code2: string) =>
      awsError(
        iam.send(
          new EnableMFADeviceCommand({
            UserName: 'pat',
            SerialNumber: phone.serial,
            AuthenticationCode1: code1,
            AuthenticationCode2: code2,
          }),
        ),
      );
    const wrong = await enable('000000', '111111');
    expect(wrong).toMatchObject({
      code: 'InvalidAuthenticationCode',
      status: 403,
      message: 'Authentication code for device is not valid.',
    });
    expect((await enable(code(phone.seed, 0), code(phone.seed, -1))).code).toBe('InvalidAuthenticationCode');
    expect((await enable(code(phone.seed, -1), code(phone.seed, 1))).code).toBe('InvalidAuthenticationCode');
    expect((await enable(code(phone.seed, 0), code(phone.seed, 0))).code).toBe('InvalidAuthenticationCode');
  });

  it('answers NoSuchEntity for an unknown device or user', async () => {
    const unknownDevice = await awsError(
      iam.send(
        new EnableMFADeviceCommand({
          UserName: 'pat',
          SerialNumber: `arn:aws:iam::${server.accountId}:mfa/nothing`,
          AuthenticationCode1: '123456',
          AuthenticationCode2: '234567',
        }),
      ),
    );
    expect(unknownDevice.code).toBe('NoSuchEntity');
    expect(
      await errorCode(
        iam.send(
          new EnableMFADeviceCommand({
            UserName: 'ghost',
            SerialNumber: phone.serial,
            AuthenticationCode1: '123456',
            AuthenticationCode2: '234567',
          }),
        ),
      ),
    ).toBe('NoSuchEntity');
  });

  it('enables the device with two consecutive codes', async () => {
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'pat',
        SerialNumber: phone.serial,
        AuthenticationCode1: code(phone.seed, -1),
        AuthenticationCode2: code(phone.seed, 0),
      }),
    );
    const { MFADevices, IsTruncated } = await iam.send(new ListMFADevicesCommand({ UserName: 'pat' }));
    expect(IsTruncated).toBe(false);
    expect(MFADevices).toEqual([{ UserName: 'pat', SerialNumber: phone.serial, EnableDate: expect.any(Date) }]);
  });

  it('refuses to enable a device already in use', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'sam' }));
    const error = await awsError(
      iam.send(
        new EnableMFADeviceCommand({
          UserName: 'sam',
          SerialNumber: phone.serial,
          AuthenticationCode1: code(phone.seed, 1),
          AuthenticationCode2: code(phone.seed, 2),
        }),
      ),
    );
    expect(error.code).toBe('EntityAlreadyExists');
  });

  it("lists the caller's own devices when no user name is given", async () => {
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'pat',
        PolicyName: 'own-mfa',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'iam:ListMFADevices', Resource: 'arn:aws:iam::*:user/${aws:username}' }],
        }),
      }),
    );
    const pat = server.clientFor(await keyFor('pat')).iam;
    const { MFADevices } = await pat.send(new ListMFADevicesCommand({}));
    expect(MFADevices?.map((d) => d.SerialNumber)).toEqual([phone.serial]);
    expect((await iam.send(new ListMFADevicesCommand({ UserName: 'sam' }))).MFADevices).toEqual([]);
    expect(await errorCode(iam.send(new ListMFADevicesCommand({ UserName: 'ghost' })))).toBe('NoSuchEntity');
  });

  it('lists virtual devices by assignment status, with the assigned user, paginated', async () => {
    const spare = await createVirtualDevice('spare');
    const assigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }));
    expect(assigned.VirtualMFADevices).toHaveLength(1);
    expect(assigned.VirtualMFADevices?.[0]).toMatchObject({
      SerialNumber: phone.serial,
      EnableDate: expect.any(Date),
      User: { UserName: 'pat', Arn: `arn:aws:iam::${server.accountId}:user/pat` },
      Tags: [{ Key: 'owner', Value: 'pat' }],
    });
    expect(assigned.VirtualMFADevices?.[0].Base32StringSeed).toBeUndefined();
    const unassigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }));
    expect(unassigned.VirtualMFADevices?.map((d) => d.SerialNumber)).toEqual([spare.serial]);
    expect(unassigned.VirtualMFADevices?.[0].User).toBeUndefined();

    const serials: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(new ListVirtualMFADevicesCommand({ MaxItems: 1, Marker: marker }));
      expect(page.VirtualMFADevices!.length).toBeLessThanOrEqual(1);
      serials.push(...page.VirtualMFADevices!.map((d) => d.SerialNumber!));
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    expect(serials.sort()).toEqual([phone.serial, spare.serial].sort());
    expect(await errorCode(iam.send(new ListVirtualMFADevicesCommand({ Marker: 'forged' })))).toBe('ValidationError');
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: spare.serial }));
  });

  it('resyncs with two later consecutive codes and refuses replayed ones', async () => {
    await iam.send(
      new ResyncMFADeviceCommand({
        UserName: 'pat',
        SerialNumber: phone.serial,
        AuthenticationCode1: code(phone.seed, 3),
        AuthenticationCode2: code(phone.seed, 4),
      }),
    );
    const replay = await awsError(
      iam.send(
        new ResyncMFADeviceCommand({
          UserName: 'pat',
          SerialNumber: phone.serial,
          AuthenticationCode1: code(phone.seed, 3),
          AuthenticationCode2: code(phone.seed, 4),
        }),
      ),
    );
    expect(replay.code).toBe('InvalidAuthenticationCode');
    expect(
      await errorCode(
        iam.send(
          new ResyncMFADeviceCommand({
            UserName: 'sam',
            SerialNumber: phone.serial,
            AuthenticationCode1: '123456',
            AuthenticationCode2: '234567',
          }),
        ),
      ),
    ).toBe('NoSuchEntity');
  });

  it('keeps an assigned device and its user from deletion until deactivated', async () => {
    const conflict = await awsError(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: phone.serial })));
    expect(conflict).toMatchObject({ code: 'DeleteConflict', status: 409 });
    await iam.send(new CreateUserCommand({ UserName: 'mfa-leaver' }));
    const device = await createVirtualDevice('leaver-token');
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'mfa-leaver',
        SerialNumber: device.serial,
        AuthenticationCode1: code(device.seed, -1),
        AuthenticationCode2: code(device.seed, 0),
      }),
    );
    expect(await errorCode(iam.send(new DeleteUserCommand({ UserName: 'mfa-leaver' })))).toBe('DeleteConflict');
    await iam.send(new DeactivateMFADeviceCommand({ UserName: 'mfa-leaver', SerialNumber: device.serial }));
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serial }));
    await iam.send(new DeleteUserCommand({ UserName: 'mfa-leaver' }));
  });

  it('deactivates only a device the user has, then deletes it', async () => {
    expect(await errorCode(iam.send(new DeactivateMFADeviceCommand({ UserName: 'sam', SerialNumber: phone.serial })))).toBe('NoSuchEntity');
    await iam.send(new DeactivateMFADeviceCommand({ UserName: 'pat', SerialNumber: phone.serial }));
    expect((await iam.send(new ListMFADevicesCommand({ UserName: 'pat' }))).MFADevices).toEqual([]);
    const listed = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }));
    expect(listed.VirtualMFADevices?.map((d) => d.SerialNumber)).toContain(phone.serial);
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: phone.serial }));
    const gone = await awsError(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: phone.serial })));
    expect(gone).toMatchObject({ code: 'NoSuchEntity', message: `VirtualMFADevice with serial number ${phone.serial} doesn't exist.` });
  });

  it('allows at most 8 MFA devices per user', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'collector' }));
    for (let i = 0; i < 9; i++) {
      const device = await createVirtualDevice(`collector-${i}`);
      const enable = iam.send(
        new EnableMFADeviceCommand({
          UserName: 'collector',
          SerialNumber: device.serial,
          AuthenticationCode1: code(device.seed, -1),
          AuthenticationCode2: code(device.seed, 0),
        }),
      );
      if (i < 8) await enable;
      else expect(await errorCode(enable)).toBe('LimitExceeded');
    }
    expect((await iam.send(new ListMFADevicesCommand({ UserName: 'collector' }))).MFADevices).toHaveLength(8);
    const page = await iam.send(new ListMFADevicesCommand({ UserName: 'collector', MaxItems: 5 }));
    expect(page.MFADevices).toHaveLength(5);
    expect(page.IsTruncated).toBe(true);
    const rest = await iam.send(new ListMFADevicesCommand({ UserName: 'collector', Marker: page.Marker }));
    expect(rest.MFADevices).toHaveLength(3);
    expect(rest.IsTruncated).toBe(false);
  });
});

describe('credential report', () => {
  beforeAll(async () => {
    await server.reset();
  });

  it('answers ReportNotPresent before any report is generated', async () => {
    const error = await awsError(iam.send(new GetCredentialReportCommand({})));
    expect(error).toMatchObject({ code: 'ReportNotPresent', status: 410 });
  });

  it('generates a report (STARTED) and reuses it within four hours (COMPLETE)', async () => {
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MaxPasswordAge: 30 }));
    await iam.send(new CreateUserCommand({ UserName: 'reported', Path: '/audit/' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'reported', Password: 'Reported-Pass-1' }));
    await keyFor('reported');
    const device = await createVirtualDevice('reported-token');
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'reported',
        SerialNumber: device.serial,
        AuthenticationCode1: code(device.seed, -1),
        AuthenticationCode2: code(device.seed, 0),
      }),
    );
    const first = await iam.send(new GenerateCredentialReportCommand({}));
    expect(first.State).toBe('STARTED');
    const second = await iam.send(new GenerateCredentialReportCommand({}));
    expect(second.State).toBe('COMPLETE');
  });

  it('returns the CSV with AWS columns, the root account first, then every user', async () => {
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe('text/csv');
    expect(report.GeneratedTime).toBeInstanceOf(Date);
    const csv = new TextDecoder().decode(report.Content!);
    const [header, ...lines] = csv.split('\n').map((line) => line.split(','));
    expect(header).toEqual([
      'user',
      'arn',
      'user_creation_time',
      'password_enabled',
      'password_last_used',
      'password_last_changed',
      'password_next_rotation',
      'mfa_active',
      'access_key_1_active',
      'access_key_1_last_rotated',
      'access_key_1_last_used_date',
      'access_key_1_last_used_region',
      'access_key_1_last_used_service',
      'access_key_2_active',
      'access_key_2_last_rotated',
      'access_key_2_last_used_date',
      'access_key_2_last_used_region',
      'access_key_2_last_used_service',
      'cert_1_active',
      'cert_1_last_rotated',
      'cert_2_active',
      'cert_2_last_rotated',
    ]);
    const rows = lines.map((fields) => Object.fromEntries(header.map((column, i) => [column, fields[i]])));
    expect(rows[0]).toMatchObject({
      user: '<root_account>',
      arn: `arn:aws:iam::${server.accountId}:root`,
      password_enabled: 'not_supported',
    });
    expect(rows.map((r) => r.user)).toContain('admin');
    const reported = rows.find((r) => r.user === 'reported')!;
    const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/;
    expect(reported.arn).toBe(`arn:aws:iam::${server.accountId}:user/audit/reported`);
    expect(reported.user_creation_time).toMatch(isoTime);
    expect(reported.password_enabled).toBe('true');
    expect(reported.password_last_used).toBe('no_information');
    expect(reported.password_last_changed).toMatch(isoTime);
    expect(new Date(reported.password_next_rotation).getTime() - new Date(reported.password_last_changed).getTime()).toBe(30 * 86_400_000);
    expect(reported.mfa_active).toBe('true');
    expect(reported.access_key_1_active).toBe('true');
    expect(reported.access_key_1_last_rotated).toMatch(isoTime);
    expect(reported.access_key_2_active).toBe('false');
    expect(reported.access_key_2_last_rotated).toBe('N/A');
    expect(reported.cert_1_active).toBe('false');
    expect(reported.cert_2_last_rotated).toBe('N/A');
  });

  it('answers ReportExpired for a report older than four hours, and generates a new one', async () => {
    const stored = (await server.service.store.credentialReports.get())!;
    await server.service.store.credentialReports.put({
      ...stored,
      generatedTime: new Date(Date.now() - 4 * 3600_000 - 1000).toISOString(),
    });
    expect(await errorCode(iam.send(new GetCredentialReportCommand({})))).toBe('ReportExpired');
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(Date.now() - report.GeneratedTime!.getTime()).toBeLessThan(60_000);
  });
});
