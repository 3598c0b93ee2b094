// The port through which the domain reads AWS managed policies (arn:aws:iam::aws:policy/...). The catalogue is
// infrastructure (a data package, files, a cache on disk: lib/catalog); the composition root installs it once
// (lib/service/create-service.ts, and the unit tests' setup), and the domain only ever sees this interface.

/** ARN prefix of every AWS managed policy. */
export const AWS_MANAGED_POLICY_PREFIX = 'arn:aws:iam::aws:policy/';

/** True when an ARN names an AWS managed policy (whether or not it exists). */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return arn.startsWith(AWS_MANAGED_POLICY_PREFIX);
}

/** One version of an AWS managed policy, without its document. */
export interface AwsManagedPolicyVersionInfo {
  versionId: string;
  createDate: string;
}

/** An AWS managed policy as GetPolicy describes it, with its default version's document. */
export interface AwsManagedPolicy {
  arn: string;
  policyName: string;
  path: string;
  /** A stable `ANPA…` id derived from the ARN. */
  policyId: string;
  defaultVersionId: string;
  createDate: string;
  updateDate: string;
  /** Every version, newest first. */
  versions: AwsManagedPolicyVersionInfo[];
  /** The default version's document, as JSON text. */
  document: string;
}

/** One version of an AWS managed policy with its document, as GetPolicyVersion returns it. */
export interface AwsManagedPolicyVersion {
  versionId: string;
  createDate: string;
  document: string;
  isDefaultVersion: boolean;
}

/** What the domain asks of the catalogue of AWS managed policies. */
export interface ManagedPolicyCatalogue {
  /** The AWS managed policy with this ARN, or undefined (also for an ARN that is not an AWS managed one). */
  get(arn: string): AwsManagedPolicy | undefined;
  /** Every AWS managed policy, ordered by name ignoring case (as ListPolicies returns them). */
  list(): readonly AwsManagedPolicy[];
  /** One version with its document, or undefined when the policy or the version is unknown. */
  getVersion(arn: string, versionId: string): AwsManagedPolicyVersion | undefined;
}

let installed: ManagedPolicyCatalogue | undefined;

/**
 * Installs the catalogue the domain reads (the composition root calls this before serving). AWS managed policies
 * are the same for every account and service instance, so there is one per process.
 */
export function installManagedPolicyCatalogue(catalogue: ManagedPolicyCatalogue): void {
  installed = catalogue;
}

/**
 * The installed catalogue. Invariant: never silently empty — without one, an attached AWS managed Deny policy would
 * be skipped (failing open), so a missing installation is an error, not "no AWS managed policies".
 */
export function managedPolicyCatalogue(): ManagedPolicyCatalogue {
  if (!installed)
    throw new Error(
      'No AWS managed policy catalogue is installed: call installManagedPolicyCatalogue at start-up (lib/service/create-service.ts does).',
    );
  return installed;
}
