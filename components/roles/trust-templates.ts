// Starter trust policies: an AWS service, another AWS account (with an external ID when a third party assumes
// it), or the users of a SAML or OpenID Connect provider.

/** One-statement trust policy text, indented as the editor shows it. */
function trustPolicy(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] }, null, 2);
}

/** A trust policy letting `service` (e.g. ec2.amazonaws.com) assume the role. */
export function serviceTrustPolicy(service: string): string {
  return trustPolicy({ Principal: { Service: service }, Action: 'sts:AssumeRole' });
}

/** A trust policy letting the principals of `accountId` assume the role (their own policies must allow it too). */
export function accountTrustPolicy(accountId: string, externalId?: string): string {
  return trustPolicy({
    Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    Action: 'sts:AssumeRole',
    ...(externalId ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } } : {}),
  });
}

/** A trust policy for users of a SAML provider signing in through AWS's SAML endpoint (AWS console's default). */
export function samlTrustPolicy(providerArn: string): string {
  return trustPolicy({
    Principal: { Federated: providerArn },
    Action: 'sts:AssumeRoleWithSAML',
    Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
  });
}

/** A trust policy for holders of an OpenID Connect provider's tokens issued to `audience`. */
export function webIdentityTrustPolicy(providerArn: string, audience: string): string {
  const host = providerArn.replace(/^.*:oidc-provider\//, '');
  return trustPolicy({
    Principal: { Federated: providerArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${host}:aud`]: audience } },
  });
}
