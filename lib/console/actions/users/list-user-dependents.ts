'use server';
// Everything that keeps DeleteUser from succeeding: keys, password, MFA devices, policies, groups, certificates,
// SSH keys and service-specific credentials — each list read to its last page.
import {
  GetLoginProfileCommand,
  ListServiceSpecificCredentialsCommand,
  paginateListAccessKeys,
  paginateListAttachedUserPolicies,
  paginateListGroupsForUser,
  paginateListMFADevices,
  paginateListSigningCertificates,
  paginateListSSHPublicKeys,
  paginateListUserPolicies,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { z } from 'zod';
import { action } from '@/lib/console/action';
import { awsErrorCode } from '@/lib/console/errors';
import { collect, isUnsupportedOperation } from './collect';

/** What must go before a user can be deleted. */
export interface UserDependents {
  accessKeyIds: string[];
  loginProfile: boolean;
  mfaDevices: string[];
  attachedPolicies: Array<{ arn: string; name: string }>;
  inlinePolicies: string[];
  groups: string[];
  signingCertificateIds: string[];
  sshPublicKeyIds: string[];
  serviceSpecificCredentialIds: string[];
}

async function optional<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (error) {
    if (isUnsupportedOperation(error)) return [];
    throw error;
  }
}

async function hasLoginProfile(iam: IAMClient, userName: string): Promise<boolean> {
  try {
    await iam.send(new GetLoginProfileCommand({ UserName: userName }));
    return true;
  } catch (error) {
    if (awsErrorCode(error) === 'NoSuchEntity') return false;
    throw error;
  }
}

export const listUserDependents = action(
  z.object({ userName: z.string().min(1) }),
  async ({ userName }, { iam }): Promise<UserDependents> => {
    const q = { UserName: userName };
    const [keys, loginProfile, mfa, attached, inline, groups, certs, ssh, specific] = await Promise.all([
      collect(paginateListAccessKeys({ client: iam }, q), (p) => p.AccessKeyMetadata),
      hasLoginProfile(iam, userName),
      collect(paginateListMFADevices({ client: iam }, q), (p) => p.MFADevices),
      collect(paginateListAttachedUserPolicies({ client: iam }, q), (p) => p.AttachedPolicies),
      collect(paginateListUserPolicies({ client: iam }, q), (p) => p.PolicyNames),
      collect(paginateListGroupsForUser({ client: iam }, q), (p) => p.Groups),
      optional(() => collect(paginateListSigningCertificates({ client: iam }, q), (p) => p.Certificates)),
      optional(() => collect(paginateListSSHPublicKeys({ client: iam }, q), (p) => p.SSHPublicKeys)),
      optional(async () => (await iam.send(new ListServiceSpecificCredentialsCommand(q))).ServiceSpecificCredentials ?? []),
    ]);
    return {
      accessKeyIds: keys.map((k) => k.AccessKeyId!),
      loginProfile,
      mfaDevices: mfa.map((d) => d.SerialNumber!),
      attachedPolicies: attached.map((p) => ({ arn: p.PolicyArn!, name: p.PolicyName! })),
      inlinePolicies: inline,
      groups: groups.map((g) => g.GroupName!),
      signingCertificateIds: certs.map((c) => c.CertificateId!),
      sshPublicKeyIds: ssh.map((k) => k.SSHPublicKeyId!),
      serviceSpecificCredentialIds: specific.map((c) => c.ServiceSpecificCredentialId!),
    };
  },
);
