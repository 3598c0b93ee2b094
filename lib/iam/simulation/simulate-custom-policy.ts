// SimulateCustomPolicy: policies given as text (PolicyInputList, PermissionsBoundaryPolicyInputList, ResourcePolicy) against actions and resources.
import type { IamOperation } from '../../core/context';
import { inputPolicies } from './policy-source';
import { contextEntriesOf, runSimulation } from './run-simulation';

export const simulateCustomPolicy: IamOperation<'SimulateCustomPolicy'> = async (ctx, input) => {
  const policies = inputPolicies(input.PolicyInputList, 'PolicyInputList');
  const boundaries = input.PermissionsBoundaryPolicyInputList?.length
    ? inputPolicies(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList')
    : undefined;
  inputPolicies(input.ResourcePolicy !== undefined ? [input.ResourcePolicy] : [], 'ResourcePolicy', 'resource');
  return runSimulation(
    {
      policies,
      permissionsBoundaries: boundaries,
      resourcePolicy: input.ResourcePolicy,
      resourceOwner: input.ResourceOwner,
      callerArn: input.CallerArn,
      actionNames: input.ActionNames ?? [],
      resourceArns: input.ResourceArns,
      contextEntries: contextEntriesOf(input.ContextEntries),
    },
    input,
  );
};
