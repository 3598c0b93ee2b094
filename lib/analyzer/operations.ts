// The IAM Access Analyzer operations Gatehouse serves, by their AWS names: typed input in, the model's output out.
import type { Principal } from '../core/context';
import type { ActionCatalog } from '../policy';
import { checkAccessNotGranted, checkNoNewAccess, checkNoPublicAccess, type AccessCheckPolicyType } from './access-checks';
import { buildPolicy, type ActivityReader, type GenerationJob, type PolicyGenerations, type TrailDetails } from './policy-generation';
import { pageFindings, validatePolicyFindings, type AnalyzerPolicyType } from './validate-policy';

/** What an Access Analyzer operation receives. */
export interface AnalyzerContext {
  principal: Principal;
  now: Date;
  /** The action catalogue of the given service prefixes (loaded by an adapter). */
  loadCatalog(services: string[]): Promise<ActionCatalog>;
  /** The service prefixes a policy's actions name. */
  servicesOf(policy: string): string[];
  generations: PolicyGenerations;
  readActivity: ActivityReader;
  /** Whether a user or role ARN names an entity of this account. */
  principalExists(arn: string): Promise<boolean>;
}

export type AnalyzerOperation = (ctx: AnalyzerContext, input: Record<string, unknown>) => unknown;

async function validatePolicy(ctx: AnalyzerContext, input: Record<string, unknown>) {
  const document = input.policyDocument as string;
  const policyType = input.policyType as AnalyzerPolicyType;
  const resourceType = input.validatePolicyResourceType as string | undefined;
  const catalog = await ctx.loadCatalog(ctx.servicesOf(document));
  const findings = validatePolicyFindings(document, policyType, { validatePolicyResourceType: resourceType, catalog });
  return pageFindings(
    findings,
    `${policyType}\u0000${resourceType ?? ''}\u0000${document}`,
    input.maxResults as number | undefined,
    input.nextToken as string | undefined,
  );
}

function checkNoNewAccessOperation(_ctx: AnalyzerContext, input: Record<string, unknown>) {
  return checkNoNewAccess(
    input.newPolicyDocument as string,
    input.existingPolicyDocument as string,
    input.policyType as AccessCheckPolicyType,
  );
}

function checkAccessNotGrantedOperation(_ctx: AnalyzerContext, input: Record<string, unknown>) {
  return checkAccessNotGranted(
    input.policyDocument as string,
    input.access as { actions?: string[]; resources?: string[] }[],
    input.policyType as AccessCheckPolicyType,
  );
}

function checkNoPublicAccessOperation(_ctx: AnalyzerContext, input: Record<string, unknown>) {
  return checkNoPublicAccess(input.policyDocument as string, input.resourceType as string);
}

/** The services whose events the generator turns into actions (the ones Gatehouse serves). */
const GENERATED_SERVICES = ['iam', 'sts', 'access-analyzer'];

async function startPolicyGeneration(ctx: AnalyzerContext, input: Record<string, unknown>) {
  const details = input.policyGenerationDetails as { principalArn: string };
  const trail = input.cloudTrailDetails as { trails: TrailDetails[]; accessRole: string; startTime: Date; endTime?: Date } | undefined;
  const catalog = await ctx.loadCatalog(GENERATED_SERVICES);
  const job = ctx.generations.start(
    {
      principalArn: details.principalArn,
      startTime: trail?.startTime,
      endTime: trail?.endTime,
      trails: trail?.trails,
      clientToken: input.clientToken as string | undefined,
    },
    ctx.now,
    async (running: GenerationJob): Promise<Pick<GenerationJob, 'policy' | 'isComplete' | 'jobError'>> => {
      if (!(await ctx.principalExists(running.principalArn))) {
        return {
          jobError: { code: 'RESOURCE_NOT_FOUND_ERROR', message: `The principal ${running.principalArn} does not exist in this account.` },
        };
      }
      const { policy, isComplete } = await buildPolicy(ctx.readActivity(running.principalArn, running.startTime, running.endTime), catalog);
      return { policy, isComplete };
    },
  );
  return { jobId: job.jobId };
}

function jobDetails(job: GenerationJob) {
  return { jobId: job.jobId, status: job.status, startedOn: job.startedOn, completedOn: job.completedOn, jobError: job.jobError };
}

function getGeneratedPolicy(ctx: AnalyzerContext, input: Record<string, unknown>) {
  const job = ctx.generations.get(input.jobId as string, ctx.now);
  return {
    jobDetails: jobDetails(job),
    generatedPolicyResult: {
      properties: {
        isComplete: job.status === 'SUCCEEDED' ? job.isComplete : undefined,
        principalArn: job.principalArn,
        cloudTrailProperties: {
          trailProperties: job.trails.map((t) => ({ cloudTrailArn: t.cloudTrailArn, regions: t.regions ?? [], allRegions: t.allRegions })),
          startTime: job.startTime,
          endTime: job.endTime,
        },
      },
      generatedPolicies: job.status === 'SUCCEEDED' && job.policy ? [{ policy: job.policy }] : undefined,
    },
  };
}

function listPolicyGenerations(ctx: AnalyzerContext, input: Record<string, unknown>) {
  const page = ctx.generations.list(
    {
      principalArn: input.principalArn as string | undefined,
      maxResults: input.maxResults as number | undefined,
      nextToken: input.nextToken as string | undefined,
    },
    ctx.now,
  );
  return {
    policyGenerations: page.policyGenerations.map((job) => ({
      jobId: job.jobId,
      principalArn: job.principalArn,
      status: job.status,
      startedOn: job.startedOn,
      completedOn: job.completedOn,
    })),
    nextToken: page.nextToken,
  };
}

function cancelPolicyGeneration(ctx: AnalyzerContext, input: Record<string, unknown>) {
  ctx.generations.cancel(input.jobId as string, ctx.now);
  return {};
}

/** Operations of the model Gatehouse serves; every other operation answers UnknownOperationException. */
export const ANALYZER_OPERATIONS: Record<string, AnalyzerOperation> = {
  ValidatePolicy: validatePolicy,
  CheckNoNewAccess: checkNoNewAccessOperation,
  CheckAccessNotGranted: checkAccessNotGrantedOperation,
  CheckNoPublicAccess: checkNoPublicAccessOperation,
  StartPolicyGeneration: startPolicyGeneration,
  GetGeneratedPolicy: getGeneratedPolicy,
  ListPolicyGenerations: listPolicyGenerations,
  CancelPolicyGeneration: cancelPolicyGeneration,
};

/** Extra permissions some operations need beyond `access-analyzer:<Operation>`. */
export const EXTRA_PERMISSIONS: Record<string, { action: string; resource: string; why: string }[]> = {
  // Gatehouse reads its own audit trail where AWS reads a trail through the access role.
  StartPolicyGeneration: [{ action: 'cloudtrail:LookupEvents', resource: '*', why: 'the policy is generated from the audit trail' }],
};
