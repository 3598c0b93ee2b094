// Test support: fast-check generators of query-protocol requests for any IAM or STS operation, built from AWS's
// service models, then mutated as careless or hostile clients send them. Used by the decoder and request fuzzes.
import fc from 'fast-check';
import { SERVICE_MODELS, type ServiceModel, type ServiceName } from './model';

/** Values that look like what each member holds, and values that don't. */
const text = fc.oneof(
  fc.constantFrom(
    'alice',
    'Admins',
    'demo-role',
    '/',
    '/a/b/',
    'arn:aws:iam::123456789012:user/alice',
    'arn:aws:iam::123456789012:role/demo-role',
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    'arn:aws:iam::123456789012:policy/p',
    'iam:GetUser',
    's3:*',
    '*',
    'true',
    '0',
    '-1',
    '1001',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    '{"Statement":[{"Effect":"Deny","Action":"iam:*","Condition":{"StringEquals":{"aws:username":null}}}]}',
    '2026-01-01T00:00:00Z',
    'AKIAIOSFODNN7EXAMPLE',
    'x'.repeat(300),
    '',
  ),
  fc.string({ maxLength: 24 }),
);

/** One parameter name/value pair list for an input shape, as a client would send it (before mutation). */
export function parametersFor(
  model: ServiceModel,
  shapeName: string,
  prefix: string,
  depth: number,
): fc.Arbitrary<Array<[string, string]>> {
  const shape = model.shapes[shapeName];
  if (!shape || depth > 4) return fc.constant([]);
  switch (shape.type) {
    case 'structure': {
      const members = Object.entries(shape.members ?? {});
      if (members.length === 0) return fc.constant([]);
      return fc
        .tuple(
          ...members.map(([name, member]) =>
            fc.option(parametersFor(model, member, prefix ? `${prefix}.${name}` : name, depth + 1), { nil: undefined, freq: 2 }),
          ),
        )
        .map((parts) => parts.flatMap((p) => p ?? []));
    }
    case 'list':
      return fc
        .array(fc.constant(null), { maxLength: 3 })
        .chain((items) =>
          fc
            .tuple(...items.map((_, i) => parametersFor(model, shape.member!, `${prefix}.member.${i + 1}`, depth + 1)))
            .map((parts) => parts.flat()),
        );
    case 'map':
      return fc
        .tuple(text, parametersFor(model, shape.value!, `${prefix}.entry.1.value`, depth + 1))
        .map(([key, value]) => [[`${prefix}.entry.1.key`, key] as [string, string], ...value]);
    case 'integer':
    case 'long':
      return fc.oneof(fc.integer({ min: -5, max: 50_000 }).map(String), text).map((v) => [[prefix, v]]);
    case 'boolean':
      return fc.constantFrom('true', 'false', 'TRUE', 'yes', '').map((v) => [[prefix, v]]);
    default:
      return (shape.enum ? fc.oneof(fc.constantFrom(...shape.enum), text) : text).map((v) => [[prefix, v]]);
  }
}

/** Mutations of a parameter name that a careless or hostile client sends. */
const mutateName = (name: string) =>
  fc.constantFrom(
    name,
    name,
    name,
    `${name}.member.1`,
    `${name}.member.1.member.1`,
    `${name}.Foo`,
    `${name}.member.0`,
    `${name}.member.x`,
    `${name}.entry.1.key`,
    `${name}.`,
    `.${name}`,
  );

/** A request body (`Action=…&Version=…&…`) for a random operation of the service, with its parameters. */
export function queryRequest(serviceName: ServiceName) {
  const model = SERVICE_MODELS[serviceName];
  const operations = Object.entries(model.operations);
  return fc.constantFrom(...operations).chain(([action, operation]) =>
    (operation.input ? parametersFor(model, operation.input, '', 0) : fc.constant([] as Array<[string, string]>))
      .chain((pairs) => fc.tuple(...pairs.map(([name, value]) => fc.tuple(mutateName(name), fc.constant(value)))))
      .map((pairs) => {
        const body = [
          `Action=${action}`,
          `Version=${model.apiVersion}`,
          ...pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
        ].join('&');
        return { action, input: operation.input, pairs, body };
      }),
  );
}
