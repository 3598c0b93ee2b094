import { describe, expect, it } from 'vitest';
import { createStaticCatalog } from '../policy';
import { buildPolicy, PolicyGenerations } from './policy-generation';

const catalog = createStaticCatalog({ iam: { GetUser: {}, ListUsers: {}, CreateUser: {} }, sts: { AssumeRole: {} } });

describe('buildPolicy', () => {
  it('groups actions by the resources they were called on; "*" absorbs specific resources', async () => {
    const { policy, isComplete } = await buildPolicy(
      [
        { service: 'iam', action: 'GetUser', resource: 'arn:aws:iam::1:user/a' },
        { service: 'iam', action: 'CreateUser', resource: 'arn:aws:iam::1:user/a' },
        { service: 'iam', action: 'ListUsers', resource: '*' },
        { service: 'sts', action: 'AssumeRole', resource: 'arn:aws:iam::1:role/r' },
        { service: 'sts', action: 'AssumeRole', resource: '*' },
        { service: 'iam', action: 'LookupEvents', resource: '*' },
      ],
      catalog,
    );
    expect(JSON.parse(policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'SupportedServiceSid0', Effect: 'Allow', Action: ['iam:ListUsers', 'sts:AssumeRole'], Resource: '*' },
        { Sid: 'SupportedServiceSid1', Effect: 'Allow', Action: ['iam:CreateUser', 'iam:GetUser'], Resource: 'arn:aws:iam::1:user/a' },
      ],
    });
    // An event whose action the catalogue does not know is left out, and the policy says it is incomplete.
    expect(isComplete).toBe(false);
  });
});

describe('PolicyGenerations', () => {
  function held() {
    const tasks: (() => void | Promise<void>)[] = [];
    let id = 0;
    return { tasks, jobs: new PolicyGenerations({ newJobId: () => `job-${++id}`, schedule: (task) => tasks.push(task) }) };
  }
  const now = new Date('2026-01-10T00:00:00Z');

  it('keeps a job IN_PROGRESS until it runs, and a cancelled job never runs', async () => {
    const { tasks, jobs } = held();
    let ran = 0;
    const job = jobs.start({ principalArn: 'arn:aws:iam::1:user/a' }, now, async () => (ran++, { policy: '{}', isComplete: true }));
    expect(jobs.get(job.jobId, now).status).toBe('IN_PROGRESS');
    jobs.cancel(job.jobId, now);
    for (const task of tasks) await task();
    expect(ran).toBe(0);
    expect(jobs.get(job.jobId, now).status).toBe('CANCELED');
  });

  it('honours the time window: defaults to 90 days before now, rejects an inverted or too long one', async () => {
    const { tasks, jobs } = held();
    const job = jobs.start({ principalArn: 'arn:aws:iam::1:role/r' }, now, async () => ({ policy: '{}', isComplete: true }));
    expect(job.endTime).toEqual(now);
    expect(now.getTime() - job.startTime.getTime()).toBe(90 * 24 * 3600 * 1000);
    for (const task of tasks) await task();
    expect(jobs.get(job.jobId, now).status).toBe('SUCCEEDED');
    expect(() =>
      jobs.start({ principalArn: 'arn:aws:iam::1:role/r', startTime: now, endTime: new Date(now.getTime() - 1) }, now, async () => ({})),
    ).toThrow(/before endTime/);
    expect(() =>
      jobs.start({ principalArn: 'arn:aws:iam::1:role/r', startTime: new Date('2025-01-01T00:00:00Z') }, now, async () => ({})),
    ).toThrow(/90 days/);
    expect(() => jobs.start({ principalArn: 'arn:aws:iam::1:group/g' }, now, async () => ({}))).toThrow(/user or role/);
  });

  it('lists newest first, pages, and returns the same job for the same client token', () => {
    const { jobs } = held();
    const a = jobs.start({ principalArn: 'arn:aws:iam::1:user/a', clientToken: 't' }, now, async () => ({}));
    expect(jobs.start({ principalArn: 'arn:aws:iam::1:user/a', clientToken: 't' }, now, async () => ({})).jobId).toBe(a.jobId);
    const b = jobs.start({ principalArn: 'arn:aws:iam::1:user/b' }, new Date(now.getTime() + 1000), async () => ({}));
    const first = jobs.list({ maxResults: 1 }, now);
    expect(first.policyGenerations.map((j) => j.jobId)).toEqual([b.jobId]);
    expect(jobs.list({ maxResults: 1, nextToken: first.nextToken }, now).policyGenerations.map((j) => j.jobId)).toEqual([a.jobId]);
    expect(jobs.list({ principalArn: 'arn:aws:iam::1:user/a' }, now).policyGenerations).toHaveLength(1);
  });
});
