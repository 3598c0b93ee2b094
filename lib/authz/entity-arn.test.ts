// Input ARNs (PolicySourceArn, Arn) resolve only to the entity whose own ARN they are, so authorization and the
// operation agree on the entity.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOperationsStore, type OperationsStore } from '../iam/operations-store.fixtures';
import { policySource } from '../iam/simulation/policy-source';
import { resolveEntityArn } from './entity-arn';

const ACCOUNT = '123456789012';
let fixture: OperationsStore;
let store: OperationsStore['store'];
let call: OperationsStore['call'];

beforeEach(async () => {
  fixture = await openOperationsStore('gh-entity-arn-', ACCOUNT);
  ({ store, call } = fixture);
  await call('CreateUser', { UserName: 'admin' });
  await call('CreateRole', {
    RoleName: 'Deployer',
    Path: '/ci/',
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  });
  await call('CreateGroup', { GroupName: 'ops' });
});

afterEach(() => fixture.close());

describe('resolveEntityArn', () => {
  const entityArn = async (arn: string) => (await resolveEntityArn(store, ACCOUNT, arn))?.entity?.arn;

  it('resolves the entity’s own ARN, the name ignoring case, to the ARN spelled as stored', async () => {
    expect(await entityArn(`arn:aws:iam::${ACCOUNT}:user/admin`)).toBe(`arn:aws:iam::${ACCOUNT}:user/admin`);
    expect(await entityArn(`arn:aws:iam::${ACCOUNT}:user/ADMIN`)).toBe(`arn:aws:iam::${ACCOUNT}:user/admin`);
    expect(await entityArn(`arn:aws:iam::${ACCOUNT}:role/ci/deployer`)).toBe(`arn:aws:iam::${ACCOUNT}:role/ci/Deployer`);
    expect(await entityArn(`arn:aws:iam::${ACCOUNT}:group/ops`)).toBe(`arn:aws:iam::${ACCOUNT}:group/ops`);
  });

  it('resolves nothing for another path, another account or another partition', async () => {
    expect(await resolveEntityArn(store, ACCOUNT, `arn:aws:iam::${ACCOUNT}:user/fake/admin`)).toEqual({ kind: 'user', name: 'admin' });
    expect(await entityArn(`arn:aws:iam::${ACCOUNT}:role/Deployer`)).toBeUndefined();
    expect(await entityArn(`arn:aws:iam::${ACCOUNT}:role/CI/Deployer`)).toBeUndefined();
    expect(await entityArn('arn:aws:iam::999999999999:user/admin')).toBeUndefined();
    expect(await entityArn(`arn:aws-cn:iam::${ACCOUNT}:user/admin`)).toBeUndefined();
    expect(await resolveEntityArn(store, ACCOUNT, `arn:aws:iam::${ACCOUNT}:policy/p`)).toBeUndefined();
  });
});

describe('policySource', () => {
  it('answers NoSuchEntity, worded as before, for an ARN that is not the entity’s own', async () => {
    for (const arn of [`arn:aws:iam::${ACCOUNT}:user/fake/admin`, 'arn:aws:iam::999999999999:user/admin']) {
      await expect(policySource(store, ACCOUNT, arn)).rejects.toMatchObject({
        code: 'NoSuchEntity',
        message: 'The user with name admin cannot be found.',
      });
    }
  });

  it('gives the entity’s own ARN as the source ARN', async () => {
    expect((await policySource(store, ACCOUNT, `arn:aws:iam::${ACCOUNT}:user/ADMIN`)).arn).toBe(`arn:aws:iam::${ACCOUNT}:user/admin`);
  });
});
