// Checks a managed or inline policy document on write: well-formed per lib/policy, within AWS's size quotas.
import { LimitExceeded, MalformedPolicyDocument } from '../../core/errors';
import { malformedPolicyMessage, type PolicyType } from '../../policy';
import { policySize, QUOTAS } from '../validation';

/** Throws MalformedPolicyDocument with lib/policy's message when IAM would reject the document. */
export function rejectMalformedPolicy(document: string, policyType: PolicyType = 'identity'): void {
  const message = malformedPolicyMessage(document, policyType);
  if (message !== undefined) throw new MalformedPolicyDocument(message);
}

/** Checks a managed policy version's document: well-formed and at most 6,144 non-whitespace characters. */
export function checkManagedPolicyDocument(document: string): void {
  rejectMalformedPolicy(document, 'identity');
  if (policySize(document) > QUOTAS.managedPolicyBytes) {
    throw new LimitExceeded(`Cannot exceed quota for PolicySize: ${QUOTAS.managedPolicyBytes}`);
  }
}
