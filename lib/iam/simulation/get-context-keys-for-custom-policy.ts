// GetContextKeysForCustomPolicy: the condition keys the given policies reference.
import type { GetContextKeysForCustomPolicyRequest } from '@aws-sdk/client-iam';
import { referencedContextKeys } from '../../policy';
import type { Operation } from '../../core/context';
import { compileInputs, inputPolicies } from './policy-source';

export const getContextKeysForCustomPolicy: Operation<GetContextKeysForCustomPolicyRequest> = (_ctx, input) => {
  return { ContextKeyNames: referencedContextKeys(compileInputs(inputPolicies(input.PolicyInputList, 'PolicyInputList'))) };
};
