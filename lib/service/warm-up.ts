// Start-up warm-up of the standalone server: before it listens, signed requests go through the REAL service's
// handler — the same closures (authenticator, authorizer, operations, store statements) real traffic will run —
// so V8 has compiled and optimised that code before anyone waits on it. A warm-up on a throwaway service does
// much less: optimised code and type feedback belong to the closures of the instance they ran on.
//
// It leaves no trace: the requests run inside the store's rehearsal (lib/store/sqlite/store.ts `rehearse`), one
// transaction rolled back at the end — the users created, the access key's last use, everything written — and
// the service's audit sink is silent while it runs (./silenceable-audit.ts: no audit event, no last-accessed data;
// the audit worker rehearses them, in a transaction of audit.db it rolls back, to warm its own code up too).
// The rollback tells the caches as a failed group commit does. SQLite only: PostgreSQL's store is shared with
// other instances and has no rehearsal.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import type { WireRequest } from '../core/wire';
import { canonicalRequest, formatAmzDate, signatureFor, signingKey, stringToSign } from '../sigv4';
import { SqliteStore } from '../store/sqlite/store';
import type { Service } from './create-service';

export interface WarmUpOptions {
  /**
   * Requests to send (default 6,000: bench/cold-cpu.ts, 4 runs each on this 2-core machine, server CPU per CreateUser
   * over the first 3,000 after start: median ~555 µs without a warm-up, ~445 µs after 2,400 requests of a mix with
   * fewer CreateUser, ~405 µs after 6,000 of this one).
   */
  requests?: number;
  /** Time bound in milliseconds (default 6,000; 6,000 requests took 2.7-3.5 s here). */
  maxMs?: number;
  /**
   * The server's own request listener (bin/iam-server.ts): the requests then go through it and node:http too,
   * over loopback TCP from this process's own sockets only (see `loopbackTransport`). Without it they are given to
   * the handler directly.
   */
  listener?: http.RequestListener;
  /** Told the loopback port the listener's requests go to, once it listens (tests: no one else is answered on it). */
  onListening?: (port: number) => void;
}

export interface WarmUpReport {
  requests: number;
  ms: number;
}

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
/** Signed when the profile sends them, in SigV4's order (sorted). */
const SIGNED_HEADERS = ['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date'];
const CONCURRENCY = 16;

/**
 * Warms the service's handler up in-process. Undefined (nothing done) on PostgreSQL, or when the account has no
 * active access key of its `admin` user to sign with.
 */
export async function warmUp(service: Service, options: WarmUpOptions = {}): Promise<WarmUpReport | undefined> {
  const { store, config } = service;
  if (!(store instanceof SqliteStore)) return undefined;
  const credentials = await signingCredentials(service);
  const account = await store.account.get();
  if (!credentials || !account) return undefined;
  const requests = options.requests ?? 6000;
  const maxMs = options.maxMs ?? 6000;
  const started = performance.now();
  // Names no user can have chosen collide with nothing: every entity created here is rolled back.
  const prefix = `gatehouse-warm-up-${randomBytes(4).toString('hex')}`;
  let sent = 0;
  const transport = options.listener ? await loopbackTransport(options.listener) : undefined;
  if (transport) options.onListening?.(transport.port);
  try {
    await service.withoutAudit(() =>
      store.rehearse(async () => {
        let failure: Error | undefined;
        const worker = async (w: number) => {
          // Each worker runs the script over and over, one call at a time: later calls use what earlier ones created.
          for (let round = 0; ; round++) {
            for (const step of SCRIPT) {
              if (failure || sent >= requests || performance.now() - started >= maxMs) return;
              sent++;
              const { service: api, body } = step(`${prefix}-${w}-${round}`, account.accountId);
              const request = signedRequest(body, api, credentials, config.region, HEADER_PROFILES[(w + sent) % HEADER_PROFILES.length]);
              const status = await (transport ? transport.send(request) : service.handler(request).then((r) => r.status)).catch(() => 0);
              // Anything but a success means the warm-up exercises the wrong code: every worker stops.
              if (status !== 200) failure ??= new Error(`warm-up request ${body.split('&')[0]} answered ${status}`);
            }
          }
        };
        // Every worker has finished before the rehearsal is rolled back: a request still in flight then would run
        // outside it, committed and audited.
        await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
        if (failure) throw failure;
      }),
    );
  } finally {
    await transport?.close();
  }
  return { requests: sent, ms: Math.round(performance.now() - started) };
}

const IAM = 'Version=2010-05-08';
/**
 * Trust and identity policies in the shapes clients send most (a statement with or without `Sid`, `Action` and
 * `Resource` as a string or a list, a `Condition`, a second statement), taken in turn: V8 then optimises the policy
 * checks for all of them, and a client's first documents with a `Sid` (the console's visual editor writes one) do
 * not deoptimise them (measured: the first CreatePolicy calls of @aws-sdk/client-iam with
 * a `Sid` deoptimised statementSyntaxOk, checkResourceFormats and createPolicy when the warm-up sent only one shape).
 */
const TRUSTS = [
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'TrustLambdaAndEcs',
        Effect: 'Allow',
        Principal: { Service: ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'] },
        Action: ['sts:AssumeRole'],
        Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
      },
    ],
  },
].map((document) => encodeURIComponent(JSON.stringify(document)));
let trusts = 0;
const trust = () => TRUSTS[trusts++ % TRUSTS.length];

/** Small identity policies naming `name` (each call its own document, as real calls send). */
const POLICIES: ((name: string) => unknown)[] = [
  (name) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::${name}/*` }],
  }),
  (name) => ({
    Version: '2012-10-17',
    Statement: [{ Sid: 'ReadWrite', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::${name}/*` }],
  }),
  (name) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Read',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
        Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
      },
      { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
    ],
  }),
  (name) => ({
    Version: '2012-10-17',
    Statement: { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: `arn:aws:dynamodb:us-east-1:123456789012:table/${name}` },
  }),
];
let policies = 0;
const policy = (name: string) => encodeURIComponent(JSON.stringify(POLICIES[policies++ % POLICIES.length](name)));
type Step = (name: string, accountId: string) => { service: 'iam' | 'sts'; body: string };
const iam = (body: string) => ({ service: 'iam' as const, body: `${body}&${IAM}` });

/** Each user a round creates (the round's name, then suffixes -2 … -8): CreateUser, the commonest write, is run most. */
const USERS = ['', '-2', '-3', '-4', '-5', '-6', '-7', '-8'];
const createUser =
  (suffix: string): Step =>
  (n) =>
    iam(`Action=CreateUser&UserName=${n}${suffix}&Path=/warm-up/`);

/**
 * One round of a worker: the calls IAM clients make most, writes first among them, and each entity deleted again
 * in the same round, so the warm-up never holds more than a round's entities per worker (no quota comes near).
 */
const SCRIPT: Step[] = [
  ...USERS.slice(0, 4).map(createUser),
  (n) => iam(`Action=GetUser&UserName=${n}`),
  () => ({ service: 'sts', body: 'Action=GetCallerIdentity&Version=2011-06-15' }),
  (n) => iam(`Action=PutUserPolicy&UserName=${n}&PolicyName=inline&PolicyDocument=${policy(`${n}-user`)}`),
  (n) => iam(`Action=CreateRole&RoleName=${n}&AssumeRolePolicyDocument=${trust()}`),
  (n) => iam(`Action=PutRolePolicy&RoleName=${n}&PolicyName=inline&PolicyDocument=${policy(`${n}-role`)}`),
  (n) => iam(`Action=UpdateAssumeRolePolicy&RoleName=${n}&PolicyDocument=${trust()}`),
  ...USERS.slice(4).map(createUser),
  (n) => iam(`Action=CreatePolicy&PolicyName=${n}&PolicyDocument=${policy(`${n}-policy`)}`),
  (n, account) =>
    iam(`Action=CreatePolicyVersion&PolicyArn=arn:aws:iam::${account}:policy/${n}&SetAsDefault=true&PolicyDocument=${policy(`${n}-v2`)}`),
  (n) => iam(`Action=CreateGroup&GroupName=${n}`),
  (n) => iam(`Action=PutGroupPolicy&GroupName=${n}&PolicyName=inline&PolicyDocument=${policy(`${n}-group`)}`),
  (n) => iam(`Action=GetUser&UserName=${n}-2`),
  (n) => iam(`Action=DeleteGroupPolicy&GroupName=${n}&PolicyName=inline`),
  (n) => iam(`Action=DeleteGroup&GroupName=${n}`),
  (n, account) => iam(`Action=DeletePolicyVersion&PolicyArn=arn:aws:iam::${account}:policy/${n}&VersionId=v1`),
  (n, account) => iam(`Action=DeletePolicy&PolicyArn=arn:aws:iam::${account}:policy/${n}`),
  (n) => iam(`Action=DeleteRolePolicy&RoleName=${n}&PolicyName=inline`),
  (n) => iam(`Action=DeleteRole&RoleName=${n}`),
  (n) => iam(`Action=DeleteUserPolicy&UserName=${n}&PolicyName=inline`),
  ...USERS.map(
    (suffix): Step =>
      (n) =>
        iam(`Action=DeleteUser&UserName=${n}${suffix}`),
  ),
];

/** The `admin` user's first active access key, its secret opened with the service's master key. */
async function signingCredentials(service: Service): Promise<{ accessKeyId: string; secretAccessKey: string } | undefined> {
  const admin = await service.store.users.getByName('admin');
  if (!admin) return undefined;
  const key = (await service.store.accessKeys.listForUser(admin.userId)).find((k) => k.status === 'Active');
  if (!key) return undefined;
  return { accessKeyId: key.accessKeyId, secretAccessKey: service.secrets.decrypt(key.secretEncrypted) };
}

/**
 * The headers of the clients most used with IAM, in the order each sends them (what a request's header object looks
 * like, hence which shapes V8 sees and optimises for): @aws-sdk/client-iam (v3), the AWS CLI (v2), and a request
 * signed by @smithy/signature-v4 alone (scripts and load generators, bench/lib/http-load.ts among them). The
 * warm-up takes turns with them, so the request path is optimised for all three rather than deoptimised by the first
 * real client whose header set it has not seen.
 */
interface HeaderProfile {
  /** The header names, in the client's order. */
  names: readonly string[];
  /** The client's own values (user agents); the others are common (FIXED_HEADERS) or computed per request. */
  values?: Readonly<Record<string, string>>;
}
const HEADER_PROFILES: readonly HeaderProfile[] = [
  {
    names: [
      'content-type',
      'content-length',
      'x-amz-user-agent',
      'user-agent',
      'host',
      'amz-sdk-invocation-id',
      'amz-sdk-request',
      'x-amz-date',
      'x-amz-content-sha256',
      'authorization',
    ],
    values: {
      'x-amz-user-agent': 'aws-sdk-js/3.0.0',
      'user-agent': 'aws-sdk-js/3.0.0 ua/2.1 os/linux lang/js md/nodejs#20 api/iam#3.0.0 m/E',
    },
  },
  {
    names: ['host', 'accept-encoding', 'content-type', 'user-agent', 'x-amz-date', 'authorization', 'content-length'],
    values: {
      'user-agent':
        'aws-cli/2.0.0 md/awscrt#0.0.0 ua/2.0 os/linux md/arch#x86_64 lang/python#3.11 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/distrib#debian.12 md/prompt#off md/command#iam.get-user',
    },
  },
  { names: ['host', 'content-type', 'x-amz-date', 'x-amz-content-sha256', 'authorization', 'content-length'] },
];
/** Headers a profile may name whose values are the same for every client. */
const FIXED_HEADERS: Record<string, string> = {
  'content-type': FORM,
  host: 'localhost',
  'accept-encoding': 'identity',
  'amz-sdk-request': 'attempt=1; max=3',
};

/**
 * A SigV4-signed POST of `body` with the headers of `profile`, signed with lib/sigv4 (the functions
 * the server verifies with).
 */
function signedRequest(
  body: string,
  api: 'iam' | 'sts',
  credentials: { accessKeyId: string; secretAccessKey: string },
  region: string,
  profile: HeaderProfile,
): WireRequest {
  const amzDate = formatAmzDate(new Date());
  const date = amzDate.slice(0, 8);
  const rawBody = Buffer.from(body, 'utf8');
  const computed: Record<string, string> = {
    ...FIXED_HEADERS,
    ...profile.values,
    'content-length': String(rawBody.length),
    'amz-sdk-invocation-id': randomUUID(),
    'x-amz-date': amzDate,
    'x-amz-content-sha256': createHash('sha256').update(rawBody).digest('hex'),
  };
  const { names } = profile;
  const headers: Record<string, string | undefined> = {};
  for (const name of names) if (name !== 'authorization') headers[name] = computed[name];
  const request: WireRequest = { method: 'POST', path: '/', query: '', headers, body, rawBody, sourceIp: '127.0.0.1', secure: false };
  const signed = SIGNED_HEADERS.filter((name) => names.includes(name));
  const signedHeadersText = signed.join(';');
  const scope = `${date}/${region}/${api}/aws4_request`;
  const toSign = stringToSign(amzDate, scope, canonicalRequest(request, signed, signedHeadersText));
  const signature = signatureFor(signingKey(credentials.secretAccessKey, date, region, api), toSign);
  const authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeadersText}, Signature=${signature}`;
  // In the profile's order: rebuilt so that `authorization` takes its place among the others.
  const ordered: Record<string, string | undefined> = {};
  for (const name of names) ordered[name] = name === 'authorization' ? authorization : headers[name];
  request.headers = ordered;
  return request;
}

/**
 * A node:http server with `listener` on an ephemeral loopback TCP port, and a keep-alive client for it. TCP, not a
 * Unix socket: node:http's internals (and the request path's own code) optimised on a Unix socket's handles meet
 * other object shapes from TCP clients and are deoptimised and compiled again over the first requests served
 * (bench/cold-cpu.ts). The port is private in practice: a request on a connection that is not one of this client's
 * own (its peer's port is not one of our sockets' local ports) is dropped unanswered, so nothing another local
 * process sends is served while audit is silent; the port closes before the server listens.
 */
async function loopbackTransport(
  listener: http.RequestListener,
): Promise<{ port: number; send(request: WireRequest): Promise<number>; close(): Promise<void> }> {
  const own = new Set<net.Socket>();
  const ours = (remotePort: number | undefined) => {
    for (const socket of own) if (socket.localPort === remotePort) return true;
    return false;
  };
  const server = http.createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    // By the time a request has arrived, the client's socket that sent it has connected and knows its local port.
    if (req.socket.remoteAddress !== LOOPBACK || !ours(req.socket.remotePort)) {
      req.socket.destroy();
      return;
    }
    listener(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const socket = connect(options, callback) as net.Socket;
    own.add(socket);
    socket.once('close', () => own.delete(socket));
    return socket;
  };
  return {
    port,
    send: (request) =>
      new Promise<number>((resolve, reject) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = value;
        const req = http.request({ host: LOOPBACK, port, method: 'POST', path: '/', headers, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(request.rawBody);
      }),
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const LOOPBACK = '127.0.0.1';
