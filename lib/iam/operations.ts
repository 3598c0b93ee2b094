// The table of implemented IAM operations, by AWS action name. Each aggregate contributes its own index.
import { wireOperations, type IamOperationTable } from '../core/context';
import { userOperations } from './users';
import { groupOperations } from './groups';
import { accessKeyOperations } from './access-keys';
import { accountOperations } from './account';
import { policyOperations } from './policies';
import { inlinePolicyOperations } from './inline-policies';
import { boundaryOperations } from './boundaries';
import { roleOperations } from './roles';
import { loginProfileOperations } from './login-profiles';
import { passwordPolicyOperations } from './password-policy';
import { mfaOperations } from './mfa';
import { credentialReportOperations } from './credential-report';
import { simulationOperations } from './simulation';
import { lastAccessedOperations } from './last-accessed';
import { instanceProfileOperations } from './instance-profiles';
import { authorizationDetailsOperations } from './authorization-details';
import { oidcProviderOperations } from './oidc-providers';
import { samlProviderOperations } from './saml-providers';
import { sshPublicKeyOperations } from './ssh-public-keys';
import { signingCertificateOperations } from './signing-certificates';
import { serverCertificateOperations } from './server-certificates';
import { serviceSpecificCredentialOperations } from './service-specific-credentials';
import { serviceAccessOperations } from './service-access';
import { organizationsAccessReportOperations } from './organizations-access-report';
import { stsPreferenceOperations } from './sts-preferences';

/** Every implemented IAM operation, each typed by its model input and output. */
export const IAM_OPERATION_TABLE: IamOperationTable = {
  ...userOperations,
  ...groupOperations,
  ...accessKeyOperations,
  ...accountOperations,
  ...policyOperations,
  ...inlinePolicyOperations,
  ...boundaryOperations,
  ...roleOperations,
  ...loginProfileOperations,
  ...passwordPolicyOperations,
  ...mfaOperations,
  ...credentialReportOperations,
  ...simulationOperations,
  ...lastAccessedOperations,
  ...instanceProfileOperations,
  ...authorizationDetailsOperations,
  ...oidcProviderOperations,
  ...samlProviderOperations,
  ...sshPublicKeyOperations,
  ...signingCertificateOperations,
  ...serverCertificateOperations,
  ...serviceSpecificCredentialOperations,
  ...serviceAccessOperations,
  ...organizationsAccessReportOperations,
  ...stsPreferenceOperations,
};

/** The same table as the wire layer dispatches it, by action name. */
export const IAM_OPERATIONS = wireOperations(IAM_OPERATION_TABLE);
