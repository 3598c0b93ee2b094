// The committed operation types must be what the generator makes from the current service models.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAll, GENERATED_SERVICES } from '../../../scripts/generate-operation-types';

const ROOT = join(__dirname, '..', '..', '..');

describe('generated operation types', () => {
  it('are up to date with lib/protocol/models (run `npx tsx scripts/generate-operation-types.ts` if this fails)', async () => {
    const files = await generateAll(ROOT);
    expect([...files.keys()].sort()).toEqual(GENERATED_SERVICES.map((s) => s.output).sort());
    for (const [path, source] of files) {
      expect(readFileSync(join(ROOT, path), 'utf8'), path).toBe(source);
    }
  });

  it('make required members non-optional and others optional', async () => {
    const iam = (await generateAll(ROOT)).get('lib/core/generated/iam-types.ts')!;
    expect(iam).toContain(
      'export interface CreateUserRequest {\n  Path?: string;\n  PermissionsBoundary?: string;\n  Tags?: Array<Tag>;\n  UserName: string;\n}',
    );
    expect(iam).toContain('  CreateUser: { input: CreateUserRequest; output: CreateUserResponse };');
    expect(iam).toContain('  DeleteUser: { input: DeleteUserRequest; output: void };');
  });
});
