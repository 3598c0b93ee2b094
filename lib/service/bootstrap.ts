// First start of a data directory: the account, its root user, the `admin` user with a key pair, and the
// demo data of the seed documents — created through the IAM operations themselves, as the system principal.
import { newAccessKeyId, newAccountId, newSecretAccessKey, newRequestId } from '../crypto/ids';
import { hashPassword, type SecretBox } from '../crypto/secrets';
import type { ServiceConfig } from '../config';
import type { WireOperations, OperationContext } from '../core/context';
import { systemPrincipal } from '../core/context';
import type { Store } from '../store/types';
import { randomBytes } from 'node:crypto';

/** What the first start created, to print once. Secrets appear only when Gatehouse generated them. */
export interface FirstRunSummary {
  accountId: string;
  rootEmail: string;
  rootPassword?: string;
  adminUserName: string;
  adminAccessKeyId: string;
  adminSecretAccessKey?: string;
  demo: boolean;
}

function generatePassword(): string {
  // 20 characters with every class AWS's strictest policy asks for.
  const base = randomBytes(15).toString('base64').replace(/[+/=]/g, 'x');
  return `${base}Aa1!`;
}

/** Creates the account when the store has none; returns what was created, or undefined when it existed. */
export async function bootstrapAccount(
  root: Store,
  config: ServiceConfig,
  secrets: SecretBox,
  operations: WireOperations,
): Promise<FirstRunSummary | undefined> {
  // One unit: on a shared database, instances starting together create the account once; the others join it.
  return root.transaction(async (store) => {
    if (await store.account.get()) return undefined;
    const now = new Date();
    const accountId = config.accountId ?? newAccountId();
    const rootEmail = config.rootEmail ?? 'root@gatehouse.local';
    const rootPassword = config.rootPassword ?? generatePassword();
    await store.account.create({ accountId, rootEmail, rootPasswordHash: hashPassword(rootPassword), createDate: now.toISOString() });

    const ctx: OperationContext = {
      principal: systemPrincipal(accountId),
      store,
      config,
      secrets,
      requestId: newRequestId(),
      now,
      sourceIp: '127.0.0.1',
      userAgent: 'gatehouse-bootstrap',
      secureTransport: true,
      service: 'iam',
      action: 'Bootstrap',
    };
    const call = (action: string, input: Record<string, unknown>) => {
      const operation = operations[action];
      if (!operation) throw new Error(`bootstrap needs the IAM operation ${action}`);
      return operation({ ...ctx, action }, input);
    };

    await call('CreateUser', { UserName: 'admin' });
    await call('CreateGroup', { GroupName: 'Administrators' });
    await call('AttachGroupPolicy', { GroupName: 'Administrators', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    await call('AddUserToGroup', { GroupName: 'Administrators', UserName: 'admin' });
    const adminAccessKeyId = config.adminAccessKeyId ?? newAccessKeyId(accountId);
    const adminSecretAccessKey = config.adminSecretAccessKey ?? newSecretAccessKey();
    await store.accessKeys.insert({
      accessKeyId: adminAccessKeyId,
      userId: (await store.users.getByName('admin'))!.userId,
      secretEncrypted: secrets.encrypt(adminSecretAccessKey),
      status: 'Active',
      createDate: now.toISOString(),
    });

    if (config.demo) await seedDemoData(accountId, call);

    return {
      accountId,
      rootEmail,
      rootPassword: config.rootPassword ? undefined : rootPassword,
      adminUserName: 'admin',
      adminAccessKeyId,
      adminSecretAccessKey: config.adminSecretAccessKey ? undefined : adminSecretAccessKey,
      demo: config.demo,
    };
  });
}

const TRUST_EC2 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** The seed documents' sample data: techsquawks users under example paths, three groups, a few roles. */
async function seedDemoData(accountId: string, call: (action: string, input: Record<string, unknown>) => Promise<unknown>): Promise<void> {
  await call('CreateUser', { UserName: 'techsquawks-user', Tags: [{ Key: 'TagName', Value: 'TagValue' }] });
  await call('CreateUser', { UserName: 'techsquawks-user1', Path: '/example/path/1/' });
  await call('CreateUser', { UserName: 'techsquawks-user-2', Path: '/example/path/2/' });
  await call('CreateUser', { UserName: 'techsquawks-user-2a', Path: '/example/path/2/' });
  for (const group of ['Admins', 'Developers', 'Devops']) await call('CreateGroup', { GroupName: group });
  await call('AttachGroupPolicy', { GroupName: 'Admins', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
  await call('AttachGroupPolicy', { GroupName: 'Developers', PolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' });
  await call('AttachGroupPolicy', { GroupName: 'Devops', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
  await call('AddUserToGroup', { GroupName: 'Developers', UserName: 'techsquawks-user-2' });
  await call('AddUserToGroup', { GroupName: 'Devops', UserName: 'techsquawks-user-2a' });
  await call('CreateRole', {
    RoleName: 'ec2-app-role',
    AssumeRolePolicyDocument: TRUST_EC2,
    Description: 'Role assumed by the application instances',
  });
  await call('AttachRolePolicy', { RoleName: 'ec2-app-role', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
  await call('CreateRole', {
    RoleName: 'deployer',
    Path: '/ci/',
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' }],
    }),
    MaxSessionDuration: 7200,
  });
}
