// Every implemented IAM and STS operation, fed arbitrary model-shaped input: only AWS errors may come out,
// and the store stays consistent (the data written before the run is still there).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { IAM_MODEL, STS_MODEL, type ServiceModel } from '../protocol/model';
import { AwsError } from '../core/errors';
import { loadConfig } from '../config';
import { createService, type Service } from '../service/create-service';
import { IAM_OPERATIONS } from './operations';
import { STS_OPERATIONS } from '../sts/operations';
import { systemPrincipal, type OperationContext } from '../core/context';

const VALID_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const names = fc.constantFrom('admin', 'Administrators', 'alice', 'Alice', 'devs', 'role-a', 'p1', 'x'.repeat(65));

function arbitraryFor(model: ServiceModel, shapeName: string, depth: number): fc.Arbitrary<unknown> {
  const shape = model.shapes[shapeName];
  switch (shape.type) {
    case 'structure': {
      if (depth > 4) return fc.constant({});
      const members: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) members[name] = arbitraryFor(model, member, depth + 1);
      return fc.record(members, { requiredKeys: shape.required ?? [] });
    }
    case 'list':
      return depth > 4 ? fc.constant([]) : fc.array(arbitraryFor(model, shape.member!, depth + 1), { maxLength: 3 });
    case 'map':
      return fc.dictionary(fc.string({ maxLength: 8 }), arbitraryFor(model, shape.value!, depth + 1), { maxKeys: 2 });
    case 'integer':
    case 'long':
      return fc.oneof(fc.integer({ min: shape.min ?? -5, max: Math.min(shape.max ?? 100000, 100000) }), fc.integer());
    case 'boolean':
      return fc.boolean();
    case 'timestamp':
      return fc.date({ noInvalidDate: true });
    case 'double':
    case 'float':
      return fc.double({ noNaN: true });
    default:
      if (shape.enum) return fc.oneof(fc.constantFrom(...shape.enum), fc.string({ maxLength: 5 }));
      if (shapeName === 'policyDocumentType')
        return fc.oneof(fc.constantFrom(VALID_POLICY, TRUST_POLICY, '{', '{"Version":"2012-10-17"}'), fc.json());
      if (shapeName.toLowerCase().includes('arn')) {
        return fc.oneof(
          fc.constantFrom(
            'arn:aws:iam::aws:policy/ReadOnlyAccess',
            'arn:aws:iam::123456789012:user/admin',
            'arn:aws:iam::123456789012:role/role-a',
          ),
          fc.string({ maxLength: 30 }),
        );
      }
      return fc.oneof(names, fc.constantFrom('/', '/a/b/'), fc.string({ maxLength: 30 }));
  }
}

let service: Service;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-fuzz-'));
  service = await createService(loadConfig({ GATEHOUSE_DATA_DIR: dataDir, GATEHOUSE_ACCOUNT_ID: '123456789012', GATEHOUSE_DEMO: '1' }));
});
afterAll(async () => {
  await service.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function contextFor(action: string, serviceName: 'iam' | 'sts'): OperationContext {
  return {
    principal: systemPrincipal('123456789012'),
    store: service.store,
    config: service.config,
    secrets: service.secrets,
    requestId: 'fuzz',
    now: new Date(),
    sourceIp: '127.0.0.1',
    userAgent: 'fuzz',
    secureTransport: false,
    service: serviceName,
    action,
  };
}

describe('operations on arbitrary input', () => {
  const cases = [
    ...Object.keys(IAM_OPERATIONS).map((action) => ({ action, serviceName: 'iam' as const, model: IAM_MODEL })),
    ...Object.keys(STS_OPERATIONS).map((action) => ({ action, serviceName: 'sts' as const, model: STS_MODEL })),
  ].filter(({ action, model }) => model.operations[action]?.input);

  it.each(cases.map((c) => [c.action, c] as const))('%s throws only AWS errors', async (_name, { action, serviceName, model }) => {
    const operation = (serviceName === 'iam' ? IAM_OPERATIONS : STS_OPERATIONS)[action];
    const arbitrary = arbitraryFor(model, model.operations[action].input!, 0);
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        try {
          await service.store.transaction(() => operation(contextFor(action, serviceName), input as Record<string, unknown>));
        } catch (error) {
          if (!(error instanceof AwsError)) throw error;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the account intact', async () => {
    expect((await service.store.account.get())?.accountId).toBe('123456789012');
  });
});
