// The seed documents' AWS CLI examples (/work/shared/seeds/*.txt), run with Debian's `aws` against a running
// server: each command's JSON output must have the documented shape (keys, ARN formats with path, ID prefixes).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddUserToGroupCommand, CreateAccessKeyCommand, CreateGroupCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { startServer, type Credentials, type TestServer } from './harness';

const run = promisify(execFile);
const AWS_CLI = '/usr/bin/aws';
const SEEDS_DIR = '/work/shared/seeds';

/**
 * The examples, copied from the seed document with its typos fixed (an unterminated string, trailing commas,
 * a group ARN naming another group): the command as written and the output it documents.
 */
const EXAMPLES: Array<{
  command: string;
  args: string[];
  expected: unknown;
  signer?: 'new-user';
  /** Narrows the output to the seed's entities where the account holds more (bootstrap's own group). */
  select?: (output: any) => unknown;
}> = [
  {
    command: 'aws iam get-user --user-name $USERNAME',
    args: ['iam', 'get-user', '--user-name', 'username'],
    expected: {
      User: {
        Path: '/',
        UserName: 'username',
        UserId: 'ADSAYFF72444NEI6MNIOP',
        Arn: 'arn:aws:iam::012345678910:user/username',
        CreateDate: '2019-07-10T23:13:11+00:00',
        Tags: [{ Key: 'TagName', Value: 'TagValue' }],
      },
    },
  },
  {
    command: 'aws iam get-user --user-name techsquawks-user',
    args: ['iam', 'get-user', '--user-name', 'techsquawks-user'],
    expected: {
      User: {
        Path: '/',
        UserName: 'techsquawks-user',
        UserId: 'DBSAYFF32444NEI6MNIOP',
        Arn: 'arn:aws:iam::012345678910:user/techsquawks-user',
        CreateDate: '2023-07-10T23:13:11+00:00',
      },
    },
  },
  {
    command: 'aws iam list-users --path "/example/path/2/"',
    args: ['iam', 'list-users', '--path', '/example/path/2/'],
    expected: {
      Users: [
        {
          Path: '/example/path/2/',
          UserName: 'techsquawks-user-2',
          UserId: 'AFCAYGH7AQ44FXTSPCX55',
          Arn: 'arn:aws:iam::012345678910:user/example/path/2/techsquawks-user-2',
          CreateDate: '2023-07-24T22:39:32+00:00',
        },
        {
          Path: '/example/path/2/',
          UserName: 'techsquawks-user-2a',
          UserId: 'BEAAYHI7AQ45GXTQPCX44',
          Arn: 'arn:aws:iam::012345678910:user/example/path/2/techsquawks-user-2a',
          CreateDate: '2023-07-24T22:39:32+00:00',
        },
      ],
    },
  },
  {
    command: 'aws sts get-caller-identity',
    args: ['sts', 'get-caller-identity'],
    signer: 'new-user',
    expected: {
      UserId: 'BKXNYAA78Q56W3CT4NTJ',
      Account: '012345678910',
      Arn: 'arn:aws:iam::012345678910:user/techsquawks-user',
    },
  },
  {
    command: 'aws iam list-groups',
    args: ['iam', 'list-groups'],
    // Every account also has the `Administrators` group of the `admin` user (bootstrap); sorted among the seed's three.
    select: (output: { Groups: Array<{ GroupName: string }> }) => {
      expect(output.Groups.map((g) => g.GroupName)).toEqual(['Administrators', 'Admins', 'Developers', 'Devops']);
      return { Groups: output.Groups.filter((g) => g.GroupName !== 'Administrators') };
    },
    expected: {
      Groups: [
        {
          Path: '/',
          GroupName: 'Admins',
          GroupId: 'AGPAYGH7AQ44DKI7UGME4',
          Arn: 'arn:aws:iam::012345678910:group/Admins',
          CreateDate: '2019-10-01T22:50:30+00:00',
        },
        {
          Path: '/',
          GroupName: 'Developers',
          GroupId: 'AGPAYGH7AQ44BVG3THNH7',
          Arn: 'arn:aws:iam::012345678910:group/Developers',
          CreateDate: '2019-07-10T23:10:47+00:00',
        },
        {
          Path: '/',
          GroupName: 'Devops',
          GroupId: 'ADSAYFF72444NEI6MNIOP',
          Arn: 'arn:aws:iam::012345678910:group/Devops',
          CreateDate: '2019-07-10T23:10:47+00:00',
        },
      ],
    },
  },
];

/** Values that differ per account and per run, checked by form instead of by value (AWS's real prefixes). */
const FORMS: Record<string, RegExp> = {
  UserId: /^AIDA[A-Z2-7]{17}$/,
  GroupId: /^AGPA[A-Z2-7]{17}$/,
  CreateDate: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/,
  Account: /^\d{12}$/,
};

/** Asserts that `actual` has exactly the keys of `expected` at every level, with values of the same form. */
function expectSameShape(actual: unknown, expected: unknown, accountId: string, where = '$'): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${where} is a list`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${where} length`).toBe(expected.length);
    expected.forEach((item, i) => expectSameShape(list[i], item, accountId, `${where}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', `${where} is an object`).toBe(true);
    const object = actual as Record<string, unknown>;
    expect(Object.keys(object).sort(), `${where} keys`).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      const at = `${where}.${key}`;
      if (key in FORMS) expect(object[key], at).toMatch(FORMS[key]);
      else if (key === 'Arn') expect(object[key], at).toBe((value as string).replace('012345678910', accountId));
      else expectSameShape(object[key], value, accountId, at);
    }
    return;
  }
  expect(actual, where).toEqual(expected);
}

let server: TestServer;
let newUserCredentials: Credentials;
let home: string;

async function awsCli(args: string[], credentials: Credentials): Promise<unknown> {
  // A clean environment: no profile, pager or instance metadata lookups, only the signing key pair.
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_CONFIG_FILE: path.join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const cliArgs = [...args, '--endpoint-url', server.endpoint, '--region', 'us-east-1', '--output', 'json'];
  const { stdout } = await run(AWS_CLI, cliArgs, { env, timeout: 30000 });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-awscli-'));
  server = await startServer();
  const iam = server.iam;
  // The seed document's sample data.
  await iam.send(new CreateUserCommand({ UserName: 'username', Tags: [{ Key: 'TagName', Value: 'TagValue' }] }));
  await iam.send(new CreateUserCommand({ UserName: 'techsquawks-user' }));
  await iam.send(new CreateUserCommand({ UserName: 'techsquawks-user1', Path: '/example/path/1/' }));
  await iam.send(new CreateUserCommand({ UserName: 'techsquawks-user-2', Path: '/example/path/2/' }));
  await iam.send(new CreateUserCommand({ UserName: 'techsquawks-user-2a', Path: '/example/path/2/' }));
  for (const group of ['Admins', 'Developers', 'Devops']) await iam.send(new CreateGroupCommand({ GroupName: group }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'Developers', UserName: 'techsquawks-user-2' }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'techsquawks-user' }));
  newUserCredentials = { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('seed document CLI examples through Debian awscli', () => {
  it('covers every `aws` command of the seed documents', () => {
    // The seeds live beside the repository on the development machine; elsewhere the table above stands alone.
    if (!fs.existsSync(SEEDS_DIR)) return;
    const commands = fs
      .readdirSync(SEEDS_DIR)
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8').split('\n'))
      .map((line) => line.trim())
      .filter((line) => /^aws (iam|sts) /.test(line));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(EXAMPLES.map((e) => e.command)).toContain(command);
  });

  for (const example of EXAMPLES) {
    it(example.command, async () => {
      const credentials = example.signer === 'new-user' ? newUserCredentials : server.credentials;
      const output = await awsCli(example.args, credentials);
      expectSameShape(example.select ? example.select(output) : output, example.expected, server.accountId);
      if (example.signer === 'new-user') {
        // The caller is the user whose fresh key signed the request.
        expect((output as { Account: string }).Account).toBe(server.accountId);
      }
    });
  }
});
