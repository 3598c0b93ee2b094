// SimulatePrincipalPolicy: a user's (with its groups'), group's or role's policies, plus PolicyInputList, against actions and resources.
import type { IamOperation } from '../../core/context';
import { inputPolicies, policySource } from './policy-source';
import { contextEntriesOf, runSimulation } from './run-simulation';

export const simulatePrincipalPolicy: IamOperation<'SimulatePrincipalPolicy'> = async (ctx, input) => {
  const source = await policySource(ctx.store, ctx.principal.accountId, input.PolicySourceArn);
  const extra = inputPolicies(input.PolicyInputList, 'PolicyInputList');
  const boundaries = input.PermissionsBoundaryPolicyInputList?.length
    ? inputPolicies(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList')
    : source.boundary
      ? [source.boundary]
      : undefined;
  inputPolicies(input.ResourcePolicy !== undefined ? [input.ResourcePolicy] : [], 'ResourcePolicy', 'resource');
  // The simulated caller is the user itself unless CallerArn says otherwise (AWS accepts only user ARNs there).
  const callerArn = input.CallerArn ?? (source.kind === 'user' ? source.arn : undefined);
  return runSimulation(
    {
      policies: [...source.policies, ...extra],
      permissionsBoundaries: boundaries,
      resourcePolicy: input.ResourcePolicy,
      resourceOwner: input.ResourceOwner,
      callerArn,
      actionNames: input.ActionNames ?? [],
      resourceArns: input.ResourceArns,
      contextEntries: contextEntriesOf(input.ContextEntries),
    },
    input,
  );
};
