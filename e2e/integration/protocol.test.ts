// The query protocol end to end: both HTTP methods, XML shape, RequestId, AWS errors for malformed requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateUserCommand, GetUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { startServer, errorCode, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe('query protocol', () => {
  it('creates and reads a user with a path through the SDK', async () => {
    const created = await server.iam.send(new CreateUserCommand({ UserName: 'Proto-User', Path: '/proto/team/' }));
    expect(created.User?.Arn).toBe(`arn:aws:iam::${server.accountId}:user/proto/team/Proto-User`);
    expect(created.User?.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    const fetched = await server.iam.send(new GetUserCommand({ UserName: 'proto-user' }));
    expect(fetched.User?.UserName).toBe('Proto-User');
    expect(fetched.User?.CreateDate).toBeInstanceOf(Date);
  });

  it('treats names differing only in case as the same user', async () => {
    expect(await errorCode(server.iam.send(new CreateUserCommand({ UserName: 'PROTO-USER' })))).toBe('EntityAlreadyExists');
  });

  it('paginates ListUsers with MaxItems and Marker and honours PathPrefix', async () => {
    for (let i = 0; i < 5; i++) await server.iam.send(new CreateUserCommand({ UserName: `page-${i}`, Path: '/paging/' }));
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await server.iam.send(new ListUsersCommand({ PathPrefix: '/paging/', MaxItems: 2, Marker: marker }));
      names.push(...(page.Users ?? []).map((u) => u.UserName!));
      marker = page.IsTruncated ? page.Marker : undefined;
      pages++;
    } while (marker);
    expect(names).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
    expect(pages).toBe(3);
  });

  it('answers GET with a query string and returns a RequestId', async () => {
    const response = await fetch(`${server.endpoint}/?Action=ListUsers&Version=2010-05-08&PathPrefix=%2Fproto%2F`, {
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=00' },
    });
    const text = await response.text();
    // Whatever the authentication outcome, the answer is AWS XML with a request id.
    expect(text).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId>/);
  });

  it('rejects malformed requests with AWS errors, never a 500', async () => {
    const cases: Array<[string, number, string]> = [
      ['Version=2010-05-08', 400, 'MissingAction'],
      ['Action=NoSuchThing&Version=2010-05-08', 400, 'InvalidAction'],
      ['Action=ListUsers&Version=1999-01-01', 400, 'InvalidParameterValue'],
      // Parameters are decoded only once the request is authenticated: unsigned, bad encoding is never looked at.
      ['Action=ListUsers&Version=2010-05-08&X=%E0%A4%A', 403, 'MissingAuthenticationToken'],
    ];
    for (const [body, status, code] of cases) {
      const response = await fetch(server.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      expect(response.status, body).toBe(status);
      expect(await response.text()).toContain(`<Code>${code}</Code>`);
    }
  });

  it('refuses an oversized body with 413', async () => {
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListUsers&Version=2010-05-08&Pad=' + 'x'.repeat(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('RequestEntityTooLarge');
  });
});
