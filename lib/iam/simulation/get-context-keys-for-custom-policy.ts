// GetContextKeysForCustomPolicy: the condition keys the given policies reference.
import { referencedContextKeys } from '../../policy';
import type { IamOperation } from '../../core/context';
import { compileInputs, inputPolicies } from './policy-source';

export const getContextKeysForCustomPolicy: IamOperation<'GetContextKeysForCustomPolicy'> = async (_ctx, input) => {
  return { ContextKeyNames: referencedContextKeys(compileInputs(inputPolicies(input.PolicyInputList, 'PolicyInputList'))) };
};
