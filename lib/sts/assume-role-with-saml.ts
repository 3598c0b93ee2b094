// AssumeRoleWithSAML: a role session for the holder of a SAML 2.0 response from a registered SAML provider,
// when the response is signed by a certificate of the provider's metadata, names the role and the provider in
// its Role attribute, and the role's trust policy admits the provider (`Federated`) with the assertion's
// values as `saml:` condition keys; `PrincipalTag:*` attributes become session tags (the trust policy must also
// allow sts:TagSession). See saml-assertion.ts for the verification.
import type { StsOperation } from '../core/context';
import { AccessDenied, InvalidIdentityToken, ValidationError } from '../core/errors';
import { assumeFederatedRole, roleByArn } from './federated-role';
import { verifySamlResponse } from './saml-assertion';

export const assumeRoleWithSAML: StsOperation<'AssumeRoleWithSAML'> = async (ctx, input) => {
  const denied = 'Not authorized to perform sts:AssumeRoleWithSAML';
  if (!(await roleByArn(ctx, input.RoleArn))) throw new AccessDenied(denied);
  const provider = await ctx.store.identityProviders.getSaml(input.PrincipalArn);
  if (!provider) throw new InvalidIdentityToken(`SAML provider ${input.PrincipalArn} does not exist in this account.`);
  const assertion = verifySamlResponse(provider, ctx.principal.accountId, input.SAMLAssertion, ctx.now);
  // The IdP must have granted this very role through this very provider.
  if (!assertion.roles.some((r) => r.roleArn === input.RoleArn && r.providerArn === input.PrincipalArn)) throw new AccessDenied(denied);
  let durationSeconds = input.DurationSeconds ?? 3600;
  // The session ends no later than the IdP's session (AuthnStatement SessionNotOnOrAfter).
  if (assertion.sessionSecondsLeft !== undefined) {
    if (assertion.sessionSecondsLeft < 900)
      throw new ValidationError('The SAML session (SessionNotOnOrAfter) ends in less than 15 minutes.');
    durationSeconds = Math.min(durationSeconds, assertion.sessionSecondsLeft);
  }
  const { credentials, principal, packed } = await assumeFederatedRole(ctx, {
    action: 'sts:AssumeRoleWithSAML',
    roleArn: input.RoleArn,
    providerArn: provider.arn,
    sessionName: assertion.sessionName,
    durationSeconds,
    policy: input.Policy,
    policyArns: input.PolicyArns,
    sourceIdentity: assertion.sourceIdentity,
    tags: assertion.tags,
    transitiveTagKeys: assertion.transitiveTagKeys,
    context: {
      'saml:aud': assertion.recipient,
      'saml:iss': assertion.issuer,
      'saml:sub': assertion.subject,
      'saml:sub_type': assertion.subjectType,
      'saml:namequalifier': assertion.nameQualifier,
    },
  });
  return {
    Credentials: credentials,
    AssumedRoleUser: { AssumedRoleId: principal.principalId, Arn: principal.arn },
    PackedPolicySize: packed,
    Subject: assertion.subject,
    SubjectType: assertion.subjectType,
    Issuer: assertion.issuer,
    Audience: assertion.recipient,
    NameQualifier: assertion.nameQualifier,
    SourceIdentity: assertion.sourceIdentity,
  };
};
