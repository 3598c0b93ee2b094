// GetContextKeysForPrincipalPolicy: the condition keys the entity's policies (and PolicyInputList) reference.
import { referencedContextKeys } from '../../policy';
import type { IamOperation } from '../../core/context';
import { compileInputs, inputPolicies, policySource } from './policy-source';

export const getContextKeysForPrincipalPolicy: IamOperation<'GetContextKeysForPrincipalPolicy'> = async (ctx, input) => {
  const source = await policySource(ctx.store, ctx.principal.accountId, input.PolicySourceArn);
  const policies = compileInputs([...source.policies, ...inputPolicies(input.PolicyInputList, 'PolicyInputList')]);
  return { ContextKeyNames: referencedContextKeys(policies) };
};
