// Service-specific credentials (CodeCommit Git, Amazon Keyspaces): stored form, AWS's shapes, lookups, rules.
import { randomBytes } from 'node:crypto';
import { NoSuchEntity, ValidationError } from '../../core/errors';
import type { UserCredentialRecord } from '../../store/types';
import { newUniqueId } from '../../crypto/ids';
import type { OperationContext } from '../../core/context';
import { resolveKeyOwner } from '../access-keys/key-owner';

export interface ServiceCredentialData {
  serviceName: string;
  serviceUserName: string;
  /** The password sealed with the service's SecretBox (shown only on create and reset). */
  passwordSealed: string;
}

export type ServiceCredentialRecord = UserCredentialRecord<ServiceCredentialData>;

/** The services IAM issues service-specific credentials for. */
export const SUPPORTED_SERVICES = ['codecommit.amazonaws.com', 'cassandra.amazonaws.com'] as const;
/** AWS: at most two credentials per user and service. */
export const CREDENTIALS_PER_SERVICE = 2;

/**
 * Rejects services IAM has no service-specific credentials for. AWS answers NoSuchEntity (recorded from AWS;
 * the model's NotSupportedService is not what it sends), "Service Specific" without a hyphen.
 */
export function requireSupportedService(serviceName: string): void {
  if (!(SUPPORTED_SERVICES as readonly string[]).includes(serviceName)) {
    throw new NoSuchEntity(`No such service ${serviceName} is supported for Service Specific Credentials`);
  }
}

/** A credential id like AWS's (`ACCA…`, 21 characters). */
export function newServiceCredentialId(): string {
  return `ACCA${newUniqueId('AIDA').slice(4)}`;
}

/** A 44-character password of letters, digits and `+/=`, as AWS generates them. */
export function newServicePassword(): string {
  return randomBytes(33).toString('base64');
}

/** The user the call acts on: the named user, else the calling user. */
export async function credentialOwner(ctx: OperationContext, userName: string | undefined): Promise<{ userId: string; userName: string }> {
  const owner = await resolveKeyOwner(ctx, userName);
  if (owner.userId === undefined) throw new ValidationError('Must specify userName when calling with non-User credentials');
  return { userId: owner.userId, userName: owner.userName! };
}

/** The owner's credential with this id, or NoSuchEntity. */
export async function requireServiceCredential(
  ctx: OperationContext,
  userId: string,
  credentialId: string,
): Promise<ServiceCredentialRecord> {
  const credential = await ctx.store.userCredentials.get<ServiceCredentialData>('service-specific-credential', credentialId);
  if (!credential || credential.userId !== userId) {
    throw new NoSuchEntity(`No such credential ${credentialId} exists`);
  }
  return credential;
}

/** AWS's `ServiceSpecificCredentialMetadata` shape (never the password). */
export function serviceCredentialMetadata(userName: string, credential: ServiceCredentialRecord) {
  return {
    UserName: userName,
    Status: credential.status,
    ServiceUserName: credential.data.serviceUserName,
    CreateDate: credential.createDate,
    ServiceSpecificCredentialId: credential.credentialId,
    ServiceName: credential.data.serviceName,
  };
}
