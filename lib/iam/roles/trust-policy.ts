// Checks a role's trust policy (AssumeRolePolicyDocument) as IAM does on CreateRole and UpdateAssumeRolePolicy.
import { LimitExceeded, MalformedPolicyDocument } from '../../protocol/errors';
import { malformedPolicyMessage } from '../../policy';
import { QUOTAS, policySize } from '../validation';

/** Size first (AWS's ACLSizePerRole quota, non-whitespace characters), then grammar as a trust policy. */
export function validateTrustPolicy(document: string): void {
  if (policySize(document) > QUOTAS.trustPolicyBytes) {
    throw new LimitExceeded(`Cannot exceed quota for ACLSizePerRole: ${QUOTAS.trustPolicyBytes}`);
  }
  const message = malformedPolicyMessage(document, 'trust');
  if (message) throw new MalformedPolicyDocument(message);
}
