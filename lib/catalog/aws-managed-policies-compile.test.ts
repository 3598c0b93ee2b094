// Every AWS managed policy of the catalogue passes IAM's write checks and compiles: none can fail closed for its principals.
import { expect, it } from 'vitest';
import { compilePolicy, malformedPolicyMessage } from '../policy';
import { listAwsManagedPolicies } from './aws-managed-policies';

it('every AWS managed policy is accepted by malformedPolicyMessage and compiles', () => {
  const problems: string[] = [];
  for (const policy of listAwsManagedPolicies()) {
    const message = malformedPolicyMessage(policy.document, 'identity');
    if (message !== undefined) problems.push(`${policy.policyName}: ${message}`);
    try {
      compilePolicy(policy.document, { policyId: policy.policyName, policyType: 'identity' });
    } catch (error) {
      problems.push(`${policy.policyName}: ${(error as Error).message}`);
    }
  }
  expect(listAwsManagedPolicies().length).toBeGreaterThan(1000);
  expect(problems).toEqual([]);
});
