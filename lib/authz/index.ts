// Authorization of requests: resource ARNs, condition keys, the principal's cached policy set, the pipeline step.
export {
  createAuthorizer,
  isAllowedByIdentityPolicies,
  evaluateIdentityPolicies,
  accessDeniedMessage,
  isUnrestricted,
  type GatehouseAuthorizer,
} from './authorizer';
export { targetResource, type TargetResource } from './resources';
export { resolveEntityArn, type EntityArn, type EntityKind, type NamedEntity } from './entity-arn';
export { principalContext, addInputContext, addResourceTags, principalTypeKey } from './request-context';
export { principalPolicies, type PrincipalPolicies } from './principal-policies';
export { entityPolicyDocuments, boundaryDocument, type EntityPolicyDocument } from './entity-policies';
export { managedPolicyDocument, isAwsManagedPolicyArn } from './managed-policy-documents';
export { policyGeneration, bumpPolicyGeneration, isMutatingIamAction } from './generation';
export { findUncompilablePolicies, reportUncompilablePolicies, type UncompilablePolicy } from './stored-policy-scan';
