// The managed policy operations of the IAM API (policies, versions, tags, attachments), by AWS action name.
import type { IamOperationTable } from '../../core/context';
import { createPolicy } from './create-policy';
import { getPolicy } from './get-policy';
import { deletePolicy } from './delete-policy';
import { listPolicies } from './list-policies';
import { createPolicyVersion } from './create-policy-version';
import { getPolicyVersion } from './get-policy-version';
import { listPolicyVersions } from './list-policy-versions';
import { deletePolicyVersion } from './delete-policy-version';
import { setDefaultPolicyVersion } from './set-default-policy-version';
import { tagPolicy } from './tag-policy';
import { untagPolicy } from './untag-policy';
import { listPolicyTags } from './list-policy-tags';
import { attachUserPolicy } from './attach-user-policy';
import { attachGroupPolicy } from './attach-group-policy';
import { attachRolePolicy } from './attach-role-policy';
import { detachUserPolicy } from './detach-user-policy';
import { detachGroupPolicy } from './detach-group-policy';
import { detachRolePolicy } from './detach-role-policy';
import { listAttachedUserPolicies } from './list-attached-user-policies';
import { listAttachedGroupPolicies } from './list-attached-group-policies';
import { listAttachedRolePolicies } from './list-attached-role-policies';
import { listEntitiesForPolicy } from './list-entities-for-policy';

export const policyOperations: IamOperationTable = {
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  DeletePolicy: deletePolicy,
  ListPolicies: listPolicies,
  CreatePolicyVersion: createPolicyVersion,
  GetPolicyVersion: getPolicyVersion,
  ListPolicyVersions: listPolicyVersions,
  DeletePolicyVersion: deletePolicyVersion,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  TagPolicy: tagPolicy,
  UntagPolicy: untagPolicy,
  ListPolicyTags: listPolicyTags,
  AttachUserPolicy: attachUserPolicy,
  AttachGroupPolicy: attachGroupPolicy,
  AttachRolePolicy: attachRolePolicy,
  DetachUserPolicy: detachUserPolicy,
  DetachGroupPolicy: detachGroupPolicy,
  DetachRolePolicy: detachRolePolicy,
  ListAttachedUserPolicies: listAttachedUserPolicies,
  ListAttachedGroupPolicies: listAttachedGroupPolicies,
  ListAttachedRolePolicies: listAttachedRolePolicies,
  ListEntitiesForPolicy: listEntitiesForPolicy,
};
