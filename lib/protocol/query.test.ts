// The query decoder: AWS's list/map/structure encodings, validation messages, and robustness on arbitrary input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeInput, parseForm, peekParameters, MAX_PARAMETER_NAME_LENGTH, MAX_PARAMETERS } from './query';
import { IAM_MODEL, STS_MODEL, SERVICE_MODELS, type ServiceModel } from './model';
import { AwsError } from '../core/errors';
import { queryRequest } from './query-arbitraries.fixtures';

/** Why `value` does not have the type of `shapeName` (undefined when it does). */
function misfit(model: ServiceModel, shapeName: string, value: unknown, path: string): string | undefined {
  const shape = model.shapes[shapeName];
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path} is not a structure`;
      for (const [name, member] of Object.entries(value)) {
        if (!shape.members || !(name in shape.members)) return `${path}.${name} is not a member`;
        const problem = misfit(model, shape.members[name], member, `${path}.${name}`);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'list':
      if (!Array.isArray(value)) return `${path} is not a list`;
      for (const [i, item] of value.entries()) {
        const problem = misfit(model, shape.member!, item, `${path}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    case 'map':
      if (typeof value !== 'object' || value === null) return `${path} is not a map`;
      for (const [key, item] of Object.entries(value)) {
        const problem = misfit(model, shape.value!, item, `${path}{${key}}`);
        if (problem) return problem;
      }
      return undefined;
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return typeof value === 'number' ? undefined : `${path} is not a number`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${path} is not a boolean`;
    case 'timestamp':
      return value instanceof Date ? undefined : `${path} is not a timestamp`;
    default:
      return typeof value === 'string' ? undefined : `${path} is not a string (${JSON.stringify(value)})`;
  }
}

function params(text: string) {
  return parseForm(text);
}

describe('decodeInput', () => {
  it('decodes lists of structures (Tags.member.N.Key)', () => {
    const input = decodeInput(
      IAM_MODEL,
      'CreateUserRequest',
      params('UserName=a&Tags.member.2.Key=k2&Tags.member.2.Value=v2&Tags.member.1.Key=k1&Tags.member.1.Value=v1'),
    );
    expect(input).toEqual({
      UserName: 'a',
      Tags: [
        { Key: 'k1', Value: 'v1' },
        { Key: 'k2', Value: 'v2' },
      ],
    });
  });

  it('decodes integers and booleans with their types', () => {
    const input = decodeInput(IAM_MODEL, 'UpdateAccountPasswordPolicyRequest', params('MinimumPasswordLength=12&RequireSymbols=true'));
    expect(input).toEqual({ MinimumPasswordLength: 12, RequireSymbols: true });
  });

  it("reports a missing required member as AWS does ('Member must not be null')", () => {
    expect(() => decodeInput(IAM_MODEL, 'CreateUserRequest', params(''))).toThrow(
      "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('checks enums, lengths and ranges and lists every violation', () => {
    try {
      decodeInput(IAM_MODEL, 'ListPoliciesRequest', params('Scope=Everything&MaxItems=0'));
      expect.unreachable();
    } catch (error) {
      expect((error as AwsError).code).toBe('ValidationError');
      expect((error as AwsError).message).toMatch(/^2 validation errors detected: /);
      expect((error as AwsError).message).toContain("Value at 'scope' failed to satisfy constraint: Member must satisfy enum value set");
      expect((error as AwsError).message).not.toContain('Everything');
      expect((error as AwsError).message).toContain(
        "Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
      );
    }
  });

  it('reports an invalid enum once, never also as "must not be null" (AWS: UpdateServiceSpecificCredential Status=Invalid)', () => {
    expect(() =>
      decodeInput(
        IAM_MODEL,
        'UpdateServiceSpecificCredentialRequest',
        params('ServiceSpecificCredentialId=ACCAEXAMPLE123456789&Status=Invalid'),
      ),
    ).toThrow(/^1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set$/);
  });

  it("never echoes the value: Value at 'tags' for a list over its maximum", () => {
    const tags = Array.from({ length: 51 }, (_, i) => `Tags.member.${i + 1}.Key=k${i}&Tags.member.${i + 1}.Value=v`).join('&');
    expect(() => decodeInput(IAM_MODEL, 'CreateUserRequest', params(`UserName=u&${tags}`))).toThrow(
      "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
  });

  it("lists the password policy's violations in AWS's order: minimumPasswordLength, passwordReusePrevention, maxPasswordAge", () => {
    expect(() =>
      decodeInput(
        IAM_MODEL,
        'UpdateAccountPasswordPolicyRequest',
        params('MaxPasswordAge=1096&MinimumPasswordLength=129&PasswordReusePrevention=25'),
      ),
    ).toThrow(
      "3 validation errors detected: Value at 'minimumPasswordLength' failed to satisfy constraint: Member must have value less than or equal to 128; " +
        "Value at 'passwordReusePrevention' failed to satisfy constraint: Member must have value less than or equal to 24; " +
        "Value at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095",
    );
  });

  it("answers a bad path with AWS's own message, not the model's", () => {
    expect(() => decodeInput(IAM_MODEL, 'CreateUserRequest', params('UserName=u&Path=bad'))).toThrow(
      'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
    );
    expect(() => decodeInput(IAM_MODEL, 'UpdateUserRequest', params('UserName=u&NewPath=/a'))).toThrow(
      'The specified value for newPath is invalid.',
    );
  });

  it("leaves AssumeRole's RoleArn to the operation, which answers '<arn> is invalid' first", () => {
    expect(decodeInput(STS_MODEL, 'AssumeRoleRequest', params('RoleArn=arn:a:::x/r&RoleSessionName=s1')).RoleArn).toBe('arn:a:::x/r');
  });

  it('rejects a non-numeric integer with InvalidParameterValue', () => {
    expect(() => decodeInput(IAM_MODEL, 'ListUsersRequest', params('MaxItems=ten'))).toThrow(AwsError);
  });

  it('decodes STS structures such as PolicyArns', () => {
    const input = decodeInput(
      STS_MODEL,
      'AssumeRoleRequest',
      params('RoleArn=arn:aws:iam::123456789012:role/r&RoleSessionName=s1&PolicyArns.member.1.arn=arn:aws:iam::aws:policy/ReadOnlyAccess'),
    );
    expect(input.PolicyArns).toEqual([{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]);
  });
});

describe('nested members', () => {
  it('refuses sub-members of a scalar list member with ValidationError instead of decoding an object or a hole', () => {
    for (const body of ['UserName=u1&TagKeys.member.1.member.1=k', 'UserName=u1&TagKeys.member.1.Foo=k']) {
      expect(() => decodeInput(IAM_MODEL, 'UntagUserRequest', params(body))).toThrow(
        "1 validation error detected: Value null at 'tagKeys.1.member' failed to satisfy constraint: Member must not be null",
      );
    }
    expect(decodeInput(IAM_MODEL, 'UntagUserRequest', params('UserName=u1&TagKeys.member.1=k&TagKeys.member.1.Foo=x'))).toEqual({
      UserName: 'u1',
      TagKeys: ['k'],
    });
  });
});

describe('parameter limits', () => {
  it('derives the longest parameter name from the models (indices of up to 10 digits)', () => {
    expect(MAX_PARAMETER_NAME_LENGTH).toBeGreaterThanOrEqual('ContextEntries.member.1234567890.ContextKeyValues.member.1234567890'.length);
    expect(MAX_PARAMETER_NAME_LENGTH).toBeLessThan(128);
  });

  it('skips a name longer than any member (a 1 MiB name of dots) without splitting it', () => {
    const parsed = parseForm(
      `Action=ListUsers&${'.'.repeat(1024 * 1024)}=x&${'%2E'.repeat(MAX_PARAMETER_NAME_LENGTH + 1)}=y&PathPrefix=%2F`,
    );
    expect([...parsed.keys()]).toEqual(['Action', 'PathPrefix']);
  });

  it('refuses more than MAX_PARAMETERS parameters with ValidationError', () => {
    const many = Array.from({ length: MAX_PARAMETERS }, (_, i) => `p${i}=1`).join('&');
    expect(parseForm(many).size).toBe(MAX_PARAMETERS);
    expect(() => parseForm(`${many}&one=more`)).toThrow(/more than 10000 parameters/);
  });

  it('peeks Action and Version with the same decoding and last-one-wins rule as parseForm', () => {
    const text = 'Action=GetUser&%41ction=ListUsers&UserName=%E0%A4%A&Version=2010-05-08&V%65rsion=2011-06-15&bad%ZZ=1';
    expect(peekParameters(text, ['Action', 'Version'], new Map())).toEqual(
      new Map([
        ['Action', 'ListUsers'],
        ['Version', '2011-06-15'],
      ]),
    );
    expect(() => parseForm(text)).toThrow(AwsError);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('Action', 'Version', '%41ction', 'Vers%69on', 'X', 'Action.1'), fc.string({ maxLength: 8 })), {
          maxLength: 6,
        }),
        (pairs) => {
          const form = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
          const full = parseForm(form);
          const head = peekParameters(form, ['Action', 'Version'], new Map());
          expect(head.get('Action')).toBe(full.get('Action'));
          expect(head.get('Version')).toBe(full.get('Version'));
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('decoder robustness (property-based)', () => {
  for (const service of ['iam', 'sts'] as const) {
    it(`decodes model-generated, mutated ${service.toUpperCase()} parameters into values of the model's shapes, or refuses them with an AwsError`, () => {
      const model = SERVICE_MODELS[service];
      fc.assert(
        fc.property(queryRequest(service), ({ input, body }) => {
          if (!input) return;
          let decoded: Record<string, unknown>;
          try {
            decoded = decodeInput(model, input, parseForm(body));
          } catch (error) {
            if (!(error instanceof AwsError)) throw error;
            expect(error.status).toBeLessThan(500);
            return;
          }
          expect(misfit(model, input, decoded, input)).toBeUndefined();
        }),
        { seed: 20261202, numRuns: 3000 },
      );
    });
  }

  const operations = Object.entries(IAM_MODEL.operations).filter(([, op]) => op.input);
  const key = fc.oneof(
    fc.constantFrom(
      'UserName',
      'Path',
      'MaxItems',
      'Marker',
      'Tags.member.1.Key',
      'Tags.member.x.Value',
      'PolicyDocument',
      'Tags.member',
      'Tags',
      'ContextEntries.member.1.ContextKeyValues.member.1',
    ),
    fc.string({ maxLength: 40 }),
  );
  const value = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('', '0', '-1', '1001', 'true', 'NaN', '1e9', '%', '\u0000'));

  it('never throws anything but an AwsError, whatever the parameters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...operations), fc.array(fc.tuple(key, value), { maxLength: 12 }), ([, op], pairs) => {
        try {
          decodeInput(IAM_MODEL, op.input, new Map(pairs));
        } catch (error) {
          if (!(error instanceof AwsError)) throw error;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('parseForm either decodes or throws an AwsError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseForm(text);
        } catch (error) {
          if (!(error instanceof AwsError)) throw error;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
