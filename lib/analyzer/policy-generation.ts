// Policy generation (StartPolicyGeneration, GetGeneratedPolicy, ListPolicyGenerations, CancelPolicyGeneration):
// a least-privilege policy of the actions a user or role actually called, read from Gatehouse's own audit trail
// (instead of a CloudTrail trail in S3) within the requested time window. Jobs are kept in memory for 7 days.
import type { ActionCatalog } from '../policy';
import { ValidationException } from './errors';

export type JobStatus = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'CANCELED';

export interface TrailDetails {
  cloudTrailArn: string;
  regions?: string[];
  allRegions?: boolean;
}

export interface GenerationJob {
  jobId: string;
  principalArn: string;
  status: JobStatus;
  startedOn: Date;
  completedOn?: Date;
  jobError?: {
    code: 'AUTHORIZATION_ERROR' | 'RESOURCE_NOT_FOUND_ERROR' | 'SERVICE_QUOTA_EXCEEDED_ERROR' | 'SERVICE_ERROR';
    message: string;
  };
  startTime: Date;
  endTime: Date;
  trails: TrailDetails[];
  clientToken?: string;
  policy?: string;
  isComplete?: boolean;
}

/** One successful call of the principal, as the audit trail recorded it. */
export interface CalledAction {
  /** The service prefix of the action (`iam`, `sts`, `access-analyzer`). */
  service: string;
  action: string;
  /** The resource the call was authorized against (`*` when the action has none). */
  resource: string;
}

/** Reads the principal's successful calls in a time window (Gatehouse's audit trail, through an adapter). */
export type ActivityReader = (principalArn: string, startTime: Date, endTime: Date) => AsyncIterable<CalledAction>;

/** How long finished jobs are listed (AWS lists the generations of the last seven days). */
const RETENTION_MS = 7 * 24 * 3600 * 1000;
/** AWS reads at most 90 days of a trail. */
const MAX_WINDOW_MS = 90 * 24 * 3600 * 1000;
const PRINCIPAL_ARN = /^arn:[^:]*:iam::[^:]*:(role|user)\/.{1,576}$/;

/**
 * The generated policy: one statement per set of resources, actions sorted, `Resource: "*"` for actions
 * that were called without a resource (or on every resource); the Sids AWS's generator writes.
 */
export async function buildPolicy(
  calls: Iterable<CalledAction> | AsyncIterable<CalledAction>,
  catalog: ActionCatalog | undefined,
): Promise<{ policy: string; isComplete: boolean; actionCount: number }> {
  const resourcesByAction = new Map<string, Set<string>>();
  let isComplete = true;
  for await (const call of calls) {
    const known = catalog?.getAction(call.service, call.action);
    if (catalog && !known) {
      isComplete = false;
      continue;
    }
    const name = `${call.service}:${known?.name ?? call.action}`;
    let resources = resourcesByAction.get(name);
    if (!resources) resourcesByAction.set(name, (resources = new Set()));
    if (resources.has('*')) continue;
    if (call.resource === '*') {
      resources.clear();
      resources.add('*');
    } else resources.add(call.resource);
  }
  const actionsByResources = new Map<string, { resources: string[]; actions: string[] }>();
  for (const [action, resources] of resourcesByAction) {
    const list = [...resources].sort();
    const key = JSON.stringify(list);
    let group = actionsByResources.get(key);
    if (!group) actionsByResources.set(key, (group = { resources: list, actions: [] }));
    group.actions.push(action);
  }
  const groups = [...actionsByResources.values()].sort((a, b) =>
    a.resources[0] === '*' ? -1 : b.resources[0] === '*' ? 1 : a.resources[0].localeCompare(b.resources[0]),
  );
  const statements = groups.map((group, i) => ({
    Sid: `SupportedServiceSid${i}`,
    Effect: 'Allow',
    Action: group.actions.sort(),
    Resource: group.resources.length === 1 ? group.resources[0] : group.resources,
  }));
  return { policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }), isComplete, actionCount: resourcesByAction.size };
}

export interface StartRequest {
  principalArn: string;
  startTime?: Date;
  endTime?: Date;
  trails?: TrailDetails[];
  clientToken?: string;
}

export interface GenerationDeps {
  newJobId: () => string;
  /** Runs the job later (the job is IN_PROGRESS until then). */
  schedule: (task: () => void | Promise<void>) => void;
}

/** The generation jobs of one Gatehouse instance. */
export class PolicyGenerations {
  private readonly jobs = new Map<string, GenerationJob>();

  constructor(private readonly deps: GenerationDeps) {}

  /**
   * Starts a job; `run` produces the policy when the job runs (it reads the trail then, so events recorded
   * up to that moment count). The same client token returns the same job.
   */
  start(
    request: StartRequest,
    now: Date,
    run: (job: GenerationJob) => Promise<Pick<GenerationJob, 'policy' | 'isComplete' | 'jobError'>>,
  ): GenerationJob {
    this.prune(now);
    if (!PRINCIPAL_ARN.test(request.principalArn)) {
      throw new ValidationException('principalArn must be the ARN of an IAM user or role.', 'fieldValidationFailed', [
        { name: 'policyGenerationDetails.principalArn', message: 'Must be a user or role ARN' },
      ]);
    }
    if (request.clientToken) {
      for (const job of this.jobs.values())
        if (job.clientToken === request.clientToken && job.principalArn === request.principalArn) return job;
    }
    const endTime = request.endTime ?? now;
    const startTime = request.startTime ?? new Date(endTime.getTime() - MAX_WINDOW_MS);
    if (startTime.getTime() >= endTime.getTime()) {
      throw new ValidationException('startTime must be before endTime.', 'fieldValidationFailed', [
        { name: 'cloudTrailDetails.startTime', message: 'Must be before endTime' },
      ]);
    }
    if (startTime.getTime() > now.getTime()) {
      throw new ValidationException('startTime must not be in the future.', 'fieldValidationFailed', [
        { name: 'cloudTrailDetails.startTime', message: 'Must not be in the future' },
      ]);
    }
    if (endTime.getTime() - startTime.getTime() > MAX_WINDOW_MS) {
      throw new ValidationException('The time window of a policy generation can be at most 90 days.', 'fieldValidationFailed', [
        { name: 'cloudTrailDetails', message: 'At most 90 days' },
      ]);
    }
    const job: GenerationJob = {
      jobId: this.deps.newJobId(),
      principalArn: request.principalArn,
      status: 'IN_PROGRESS',
      startedOn: now,
      startTime,
      endTime,
      trails: request.trails ?? [],
      clientToken: request.clientToken,
    };
    this.jobs.set(job.jobId, job);
    this.deps.schedule(async () => {
      if (job.status !== 'IN_PROGRESS') return;
      try {
        const result = await run(job);
        // Canceled (or forgotten) while it ran: AWS keeps a canceled job as it was.
        if (job.status !== 'IN_PROGRESS') return;
        Object.assign(job, result);
        job.status = job.jobError ? 'FAILED' : 'SUCCEEDED';
      } catch (error) {
        if (job.status !== 'IN_PROGRESS') return;
        job.status = 'FAILED';
        job.jobError = { code: 'SERVICE_ERROR', message: 'The policy generation failed.' };
        console.error('[gatehouse] policy generation failed:', error instanceof Error ? error.stack : String(error));
      }
      job.completedOn = new Date(Math.max(Date.now(), job.startedOn.getTime()));
    });
    return job;
  }

  get(jobId: string, now: Date): GenerationJob {
    this.prune(now);
    const job = this.jobs.get(jobId);
    if (!job)
      throw new ValidationException(`No policy generation job has the id ${jobId}.`, 'fieldValidationFailed', [
        { name: 'jobId', message: 'Unknown job' },
      ]);
    return job;
  }

  /** Cancels a job still in progress; a finished job is left as it is (as AWS does). */
  cancel(jobId: string, now: Date): void {
    const job = this.get(jobId, now);
    if (job.status !== 'IN_PROGRESS') return;
    job.status = 'CANCELED';
    job.completedOn = now;
  }

  /** Newest first, optionally of one principal; `nextToken` is the index to continue at. */
  list(
    query: { principalArn?: string; maxResults?: number; nextToken?: string },
    now: Date,
  ): { policyGenerations: GenerationJob[]; nextToken?: string } {
    this.prune(now);
    const all = [...this.jobs.values()]
      .filter((j) => query.principalArn === undefined || j.principalArn === query.principalArn)
      .sort((a, b) => b.startedOn.getTime() - a.startedOn.getTime() || (b.jobId < a.jobId ? -1 : 1));
    let start = 0;
    if (query.nextToken !== undefined) {
      const at = all.findIndex((j) => j.jobId === Buffer.from(query.nextToken!, 'base64url').toString());
      if (at < 0)
        throw new ValidationException('The nextToken is not valid.', 'fieldValidationFailed', [
          { name: 'nextToken', message: 'Invalid token' },
        ]);
      start = at;
    }
    const end = query.maxResults === undefined ? all.length : Math.min(all.length, start + query.maxResults);
    const page: { policyGenerations: GenerationJob[]; nextToken?: string } = { policyGenerations: all.slice(start, end) };
    if (end < all.length) page.nextToken = Buffer.from(all[end].jobId).toString('base64url');
    return page;
  }

  /** Forgets every job; jobs still waiting to run never run (service shutdown or reset). */
  clear(): void {
    for (const job of this.jobs.values()) if (job.status === 'IN_PROGRESS') job.status = 'CANCELED';
    this.jobs.clear();
  }

  private prune(now: Date): void {
    for (const [id, job] of this.jobs) if (now.getTime() - job.startedOn.getTime() > RETENTION_MS) this.jobs.delete(id);
  }
}
