// The HTTP edge under hostile input, through raw HTTP and the SDK against a running server, on both mounts
// (node:http, and the Web Request adapter the Next route uses, fed a streaming body as Next feeds it): bodies
// bounded while they stream, authentication before any parameter is decoded, nested list members refused
// with ValidationError, SigV4 details as AWS has them, and load shed with Throttling.
import http from 'node:http';
import net from 'node:net';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { serveWebRequest } from '../../lib/protocol/web-adapter';
import { startServer, type Credentials, type TestServer } from './harness';

const MAX_BODY = 1024 * 1024;
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

let server: TestServer;
let webMount: http.Server;
let webEndpoint: string;
let nobody: Credentials;

/** A node:http server handing the Web adapter a Request whose body streams from the socket, as Next does. */
async function startWebMount(target: TestServer): Promise<{ mount: http.Server; endpoint: string }> {
  const mount = http.createServer(async (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      duplex: 'half',
    } as RequestInit);
    const response = await serveWebRequest(target.service.handler, request, '/aws', target.service.config.maxBodyBytes, '127.0.0.1');
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), connection: 'close' });
    res.end(Buffer.from(await response.arrayBuffer()));
    req.resume();
  });
  await new Promise<void>((resolve) => mount.listen(0, '127.0.0.1', resolve));
  return { mount, endpoint: `http://127.0.0.1:${(mount.address() as AddressInfo).port}/aws` };
}

beforeAll(async () => {
  server = await startServer();
  ({ mount: webMount, endpoint: webEndpoint } = await startWebMount(server));
  await server.iam.send(new CreateUserCommand({ UserName: 'nobody' }));
  const key = (await server.iam.send(new CreateAccessKeyCommand({ UserName: 'nobody' }))).AccessKey!;
  nobody = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
});

afterAll(async () => {
  webMount.closeAllConnections();
  await new Promise<void>((resolve) => webMount.close(() => resolve()));
  await server.stop();
});

interface Answer {
  status: number;
  text: string;
  code?: string;
  message?: string;
}

function answerOf(status: number, text: string): Answer {
  const unescape = (s?: string) =>
    s
      ?.replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return { status, text, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1], message: unescape(/<Message>([^<]*)<\/Message>/.exec(text)?.[1]) };
}

/** Signs a form POST (the body as given: text or raw bytes) for `endpoint`. */
async function signed(
  endpoint: string,
  body: string | Uint8Array,
  options: { credentials?: Credentials; service?: 'iam' | 'sts'; region?: string; headers?: Record<string, string> } = {},
): Promise<{ url: URL; headers: Record<string, string>; body: string | Uint8Array }> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    credentials: options.credentials ?? server.credentials,
    region: options.region ?? 'us-east-1',
    service: options.service ?? 'iam',
    sha256: Sha256,
  });
  const request = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname || '/',
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...options.headers },
      body,
    }),
  );
  return { url, headers: request.headers as Record<string, string>, body };
}

/** Sends over raw node:http (headers exactly as given, arrays as repeated header lines). */
function rawPost(url: URL, headers: Record<string, string | string[]>, body: string | Uint8Array): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname || '/',
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(answerOf(res.statusCode ?? 0, text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function signedPost(endpoint: string, body: string | Uint8Array, options: Parameters<typeof signed>[2] = {}): Promise<Answer> {
  const request = await signed(endpoint, body, options);
  const { host: _host, ...headers } = request.headers;
  return rawPost(request.url, headers, request.body);
}

/**
 * Streams a chunked body of `totalBytes` in 64 KiB chunks, respecting back-pressure, and stops writing as soon
 * as an answer arrives. Resolves with the answer and how many bytes had been written by then.
 */
function chunkedUpload(endpoint: string, totalBytes: number): Promise<Answer & { sentBytes: number }> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname || '/',
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        answered = true;
        const sentBytes = sent;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ ...answerOf(res.statusCode ?? 0, text), sentBytes }));
        res.on('error', () => resolve({ ...answerOf(res.statusCode ?? 0, text), sentBytes }));
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(256 * 1024, 'a');
    chunk.write('Action=ListUsers&Version=2010-05-08&Pad=');
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('bodies are bounded while they stream (both mounts)', () => {
  for (const mount of ['node:http', 'web adapter'] as const) {
    it(`answers a chunked body over the limit with AWS's 413 before the client has finished sending (${mount})`, async () => {
      const endpoint = mount === 'node:http' ? server.endpoint : webEndpoint;
      const answers = await Promise.all(Array.from({ length: 4 }, () => chunkedUpload(endpoint, 64 * MAX_BODY)));
      for (const other of answers.slice(1)) expect(other.status).toBe(413);
      const answer = answers[0];
      expect(answer.status).toBe(413);
      expect(answer.code).toBe('RequestEntityTooLarge');
      expect(answer.text).toContain(`<ErrorResponse xmlns="${IAM_NS}">`);
      expect(answer.text).toMatch(/<RequestId>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/RequestId>/);
      // Answered while the body was still streaming: far less than the 64 MiB had been written.
      expect(answer.sentBytes).toBeLessThan(16 * MAX_BODY);
    });

    it(`answers a declared Content-Length over the limit with AWS's 413 (${mount})`, async () => {
      const endpoint = mount === 'node:http' ? server.endpoint : webEndpoint;
      const answer = await rawPost(
        new URL(endpoint),
        { 'content-type': 'application/x-www-form-urlencoded' },
        'Action=ListUsers&Version=2010-05-08&Pad=' + 'x'.repeat(MAX_BODY),
      );
      expect(answer).toMatchObject({ status: 413, code: 'RequestEntityTooLarge' });
      expect(answer.text).toContain(`xmlns="${IAM_NS}"`);
      expect(answer.text).not.toContain('<RequestId>0</RequestId>');
    });
  }

  it('serves a body just under the limit on both mounts', async () => {
    const body = 'Action=GetUser&Version=2010-05-08&Pad=' + 'x'.repeat(MAX_BODY - 100);
    expect((await signedPost(server.endpoint, body)).status).toBe(200);
    expect((await signedPost(webEndpoint, body)).status).toBe(200);
  });
});

describe('authentication comes before parameters are decoded', () => {
  it('answers a body with bad percent-encoding according to its signature first', async () => {
    const body = 'Action=ListUsers&Version=2010-05-08&X=%E0%A4%A';
    const forged = await signedPost(server.endpoint, body, { credentials: { accessKeyId: 'test', secretAccessKey: 'not-the-secret' } });
    expect(forged).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    // Signed correctly, the same body reaches the decoder, which refuses it.
    expect(await signedPost(server.endpoint, body)).toMatchObject({ status: 400, code: 'InvalidParameterValue' });
  });

  it('answers a 1 MiB parameter name of dots from a principal without permissions with AccessDenied', async () => {
    const body = 'Action=ListUsers&Version=2010-05-08&' + '.'.repeat(MAX_BODY - 64) + '=x';
    expect(await signedPost(server.endpoint, body, { credentials: nobody })).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(await signedPost(webEndpoint, body, { credentials: nobody })).toMatchObject({ status: 403, code: 'AccessDenied' });
    // The administrator's request with the same name is served: a name no operation has is ignored.
    expect((await signedPost(server.endpoint, body)).status).toBe(200);
  });

  it('refuses more parameters than any operation takes with ValidationError', async () => {
    const body = 'Action=ListUsers&Version=2010-05-08&' + Array.from({ length: 10_001 }, (_, i) => `P${i}=1`).join('&');
    const answer = await signedPost(server.endpoint, body);
    expect(answer).toMatchObject({ status: 400, code: 'ValidationError' });
    expect(answer.message).toBe('The request has more than 10000 parameters; at most 10000 are accepted.');
  });
});

describe('nested members of scalar lists are a ValidationError, never a 500', () => {
  const nested = (name: string) => [`${name}.member.1.member.1=k`, `${name}.member.1.Foo=k`];
  const roleArn = encodeURIComponent('arn:aws:iam::123456789012:role/nested-role');
  const cases: Array<[string, string, 'iam' | 'sts', string]> = [
    ['UntagUser', 'UserName=nested-user', 'iam', 'TagKeys'],
    ['UntagRole', 'RoleName=nested-role', 'iam', 'TagKeys'],
    ['UntagPolicy', `PolicyArn=${encodeURIComponent('arn:aws:iam::123456789012:policy/p')}`, 'iam', 'TagKeys'],
    ['UntagInstanceProfile', 'InstanceProfileName=ip', 'iam', 'TagKeys'],
    ['UntagMFADevice', 'SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Fm', 'iam', 'TagKeys'],
    [
      'UntagOpenIDConnectProvider',
      `OpenIDConnectProviderArn=${encodeURIComponent('arn:aws:iam::123456789012:oidc-provider/example.com')}`,
      'iam',
      'TagKeys',
    ],
    ['UntagSAMLProvider', `SAMLProviderArn=${encodeURIComponent('arn:aws:iam::123456789012:saml-provider/s')}`, 'iam', 'TagKeys'],
    ['UntagServerCertificate', 'ServerCertificateName=c', 'iam', 'TagKeys'],
    [
      'SimulatePrincipalPolicy',
      `PolicySourceArn=${encodeURIComponent('arn:aws:iam::123456789012:user/nested-user')}&ActionNames.member.1=iam:GetUser`,
      'iam',
      'ResourceArns',
    ],
    [
      'SimulatePrincipalPolicy',
      `PolicySourceArn=${encodeURIComponent('arn:aws:iam::123456789012:user/nested-user')}`,
      'iam',
      'ActionNames',
    ],
    [
      'SimulateCustomPolicy',
      `PolicyInputList.member.1=${encodeURIComponent('{"Version":"2012-10-17","Statement":[]}')}&ActionNames.member.1=iam:GetUser`,
      'iam',
      'ResourceArns',
    ],
    [
      'SimulateCustomPolicy',
      `PolicyInputList.member.1=${encodeURIComponent('{"Version":"2012-10-17","Statement":[]}')}`,
      'iam',
      'ActionNames',
    ],
    [
      'ListPoliciesGrantingServiceAccess',
      `Arn=${encodeURIComponent('arn:aws:iam::123456789012:user/nested-user')}`,
      'iam',
      'ServiceNamespaces',
    ],
    ['AssumeRole', `RoleArn=${roleArn}&RoleSessionName=s1`, 'sts', 'TransitiveTagKeys'],
  ];

  beforeAll(async () => {
    await server.iam.send(new CreateUserCommand({ UserName: 'nested-user' }));
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }],
    });
    await server.iam.send(new CreateRoleCommand({ RoleName: 'nested-role', AssumeRolePolicyDocument: trust }));
  });

  for (const [action, required, service, list] of cases) {
    it(`${action} with ${list}.member.1.member.1 / ${list}.member.1.Foo`, async () => {
      const version = service === 'sts' ? '2011-06-15' : '2010-05-08';
      for (const member of nested(list)) {
        const answer = await signedPost(server.endpoint, `Action=${action}&Version=${version}&${required}&${member}`, { service });
        expect(answer, `${action} ${member}`).toMatchObject({ status: 400, code: 'ValidationError' });
        const path = list.charAt(0).toLowerCase() + list.slice(1);
        expect(answer.message).toContain(`Value null at '${path}.1.member' failed to satisfy constraint: Member must not be null`);
      }
    });
  }
});

describe('SigV4 details', () => {
  it('verifies the payload hash over the raw bytes: a correctly signed non-UTF-8 body is accepted', async () => {
    const body = Buffer.concat([Buffer.from('Action=GetUser&Version=2010-05-08&Note='), Buffer.from([0xff, 0xfe, 0xe9])]);
    expect(await signedPost(server.endpoint, body)).toMatchObject({ status: 200 });
    expect(await signedPost(webEndpoint, body)).toMatchObject({ status: 200 });
  });

  it('refuses two Authorization headers with IncompleteSignature instead of choosing one', async () => {
    const request = await signed(server.endpoint, 'Action=GetUser&Version=2010-05-08');
    const { host: _host, authorization, ...headers } = request.headers;
    const answer = await rawPost(request.url, { ...headers, authorization: [authorization, authorization] }, request.body);
    expect(answer).toMatchObject({ status: 400, code: 'IncompleteSignature' });
    expect(answer.message).toMatch(/^'AWS4-HMAC-SHA256' not a valid key=value pair \(missing equal-sign\) in Authorization header: '/);
  });

  it("verifies a repeated signed header as SigV4 canonicalises it, its values joined with ',' (standalone server)", async () => {
    const request = await signed(server.endpoint, 'Action=GetUser&Version=2010-05-08', { headers: { 'x-amz-foo': 'a,b' } });
    expect(request.headers.authorization).toContain('x-amz-foo');
    const { host: _host, 'x-amz-foo': _foo, ...headers } = request.headers;
    expect(await rawPost(request.url, { ...headers, 'x-amz-foo': ['a', 'b'] }, request.body)).toMatchObject({ status: 200 });
    // Signed over node's own join, it is refused, as AWS refuses it.
    const joined = await signed(server.endpoint, 'Action=GetUser&Version=2010-05-08', { headers: { 'x-amz-foo': 'a, b' } });
    const { host: _host2, 'x-amz-foo': _foo2, ...joinedHeaders } = joined.headers;
    expect(await rawPost(joined.url, { ...joinedHeaders, 'x-amz-foo': ['a', 'b'] }, joined.body)).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
  });

  it('answers headers over 16 KiB with an AWS error body rather than an empty 431', async () => {
    const url = new URL(server.endpoint);
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () => {
        socket.write(`POST / HTTP/1.1\r\nhost: ${url.host}\r\nx-padding: ${'a'.repeat(20 * 1024)}\r\ncontent-length: 0\r\n\r\n`);
      });
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => (received += chunk));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    const body = text.slice(text.indexOf('\r\n\r\n') + 4);
    expect(body).toContain(`<ErrorResponse xmlns="${IAM_NS}">`);
    expect(body).toContain('<Code>RequestHeaderSectionTooLarge</Code>');
    expect(body).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId>/);
  });
});

describe('load shedding', () => {
  let loaded: TestServer;
  beforeAll(async () => {
    loaded = await startServer({ env: { GATEHOUSE_MAX_QUEUE_MS: '2' } });
  });
  afterAll(async () => {
    await loaded.stop();
  });

  it('answers what waited longer than GATEHOUSE_MAX_QUEUE_MS with Throttling (400, IAM error shape), serves the rest', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const request = await signed(loaded.endpoint, 'Action=GetUser&Version=2010-05-08');
    const { host: _host, ...headers } = request.headers;
    const once = () =>
      new Promise<Answer>((resolve, reject) => {
        const req = http.request(
          {
            host: request.url.hostname,
            port: request.url.port,
            path: '/',
            method: 'POST',
            agent,
            headers: { ...headers, 'content-length': Buffer.byteLength(request.body as string) },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(answerOf(res.statusCode ?? 0, text)));
          },
        );
        req.on('error', reject);
        req.end(request.body);
      });
    const answers: Answer[] = [];
    for (let round = 0; round < 3; round++) answers.push(...(await Promise.all(Array.from({ length: 256 }, once))));
    agent.destroy();
    const throttled = answers.filter((a) => a.code === 'Throttling');
    expect(answers.every((a) => a.status === 200 || a.code === 'Throttling')).toBe(true);
    expect(throttled.length).toBeGreaterThan(0);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    expect(throttled[0].status).toBe(400);
    expect(throttled[0].text).toContain(
      `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>`,
    );
  });

  it('lets SDK clients through: they retry Throttling with back-off', async () => {
    const iam = new IAMClient({ endpoint: loaded.endpoint, region: 'us-east-1', credentials: loaded.credentials, maxAttempts: 10 });
    const users = await Promise.all(Array.from({ length: 64 }, () => iam.send(new GetUserCommand({}))));
    expect(users.every((u) => u.User?.UserName === 'admin')).toBe(true);
    iam.destroy();
  });
});
