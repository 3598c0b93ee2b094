// AWS errors as typed exceptions: each carries its literal AWS code, HTTP status and fault, declared once here.

/** Sender: the caller's fault (4xx); Receiver: the service's (5xx). */
export type Fault = 'Sender' | 'Receiver';

/** Base of every error that is answered with an AWS `ErrorResponse`. */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fault: Fault;
  constructor(code: string, message: string, status: number, fault: Fault = status >= 500 ? 'Receiver' : 'Sender') {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.fault = fault;
  }
}

function define(code: string, status: number) {
  return class extends AwsError {
    constructor(message: string) {
      super(code, message, status);
    }
  };
}

// IAM errors (codes and statuses from AWS's IAM service model).
export class NoSuchEntity extends define('NoSuchEntity', 404) {}
export class EntityAlreadyExists extends define('EntityAlreadyExists', 409) {}
export class DeleteConflict extends define('DeleteConflict', 409) {}
export class LimitExceeded extends define('LimitExceeded', 409) {}
export class ConcurrentModification extends define('ConcurrentModification', 409) {}
export class EntityTemporarilyUnmodifiable extends define('EntityTemporarilyUnmodifiable', 409) {}
export class MalformedPolicyDocument extends define('MalformedPolicyDocument', 400) {}
export class InvalidInput extends define('InvalidInput', 400) {}
export class ValidationError extends define('ValidationError', 400) {}
export class PasswordPolicyViolation extends define('PasswordPolicyViolation', 400) {}
export class UnmodifiableEntity extends define('UnmodifiableEntity', 400) {}
export class PolicyNotAttachable extends define('PolicyNotAttachable', 400) {}
export class InvalidAuthenticationCode extends define('InvalidAuthenticationCode', 403) {}
export class InvalidUserType extends define('InvalidUserType', 400) {}
export class ReportInProgress extends define('ReportInProgress', 404) {}
export class ReportNotPresent extends define('ReportNotPresent', 410) {}
export class ReportExpired extends define('ReportExpired', 410) {}
export class ServiceFailure extends define('ServiceFailure', 500) {}
export class NotSupportedService extends define('NotSupportedService', 404) {}

// Protocol, authentication and authorization errors (common to AWS query services).
export class InvalidAction extends define('InvalidAction', 400) {}
export class MissingAction extends define('MissingAction', 400) {}
export class MissingParameter extends define('MissingParameter', 400) {}
export class InvalidParameterValue extends define('InvalidParameterValue', 400) {}
export class InvalidParameterCombination extends define('InvalidParameterCombination', 400) {}
export class MalformedQueryString extends define('MalformedQueryString', 404) {}
export class NotImplemented extends define('NotImplemented', 501) {}
export class AccessDenied extends define('AccessDenied', 403) {}
export class MissingAuthenticationToken extends define('MissingAuthenticationToken', 403) {}
export class InvalidClientTokenId extends define('InvalidClientTokenId', 403) {}
export class SignatureDoesNotMatch extends define('SignatureDoesNotMatch', 403) {}
export class IncompleteSignature extends define('IncompleteSignature', 400) {}
export class RequestExpired extends define('RequestExpired', 400) {}
export class ExpiredToken extends define('ExpiredToken', 403) {}
export class Throttling extends define('Throttling', 400) {}
/** IAM's message for a request over the rate it serves. */
export const THROTTLING_MESSAGE = 'Rate exceeded';
export class RequestEntityTooLarge extends define('RequestEntityTooLarge', 413) {}
export class RequestHeaderSectionTooLarge extends define('RequestHeaderSectionTooLarge', 431) {}

// STS errors.
export class RegionDisabled extends define('RegionDisabledException', 403) {}
export class PackedPolicyTooLarge extends define('PackedPolicyTooLarge', 400) {}

// Errors of the federation, certificate and key operations (codes and statuses from AWS's service models).
export class MalformedCertificate extends define('MalformedCertificate', 400) {}
export class InvalidCertificate extends define('InvalidCertificate', 400) {}
export class DuplicateCertificate extends define('DuplicateCertificate', 409) {}
export class KeyPairMismatch extends define('KeyPairMismatch', 400) {}
export class InvalidPublicKey extends define('InvalidPublicKey', 400) {}
export class DuplicateSSHPublicKey extends define('DuplicateSSHPublicKey', 400) {}
export class UnrecognizedPublicKeyEncoding extends define('UnrecognizedPublicKeyEncoding', 400) {}
export class ReportGenerationLimitExceeded extends define('ReportGenerationLimitExceeded', 409) {}
export class IDPRejectedClaim extends define('IDPRejectedClaim', 403) {}
export class IDPCommunicationError extends define('IDPCommunicationError', 400) {}
export class InvalidIdentityToken extends define('InvalidIdentityToken', 400) {}
export class ExpiredTokenException extends define('ExpiredTokenException', 400) {}
export class InvalidAuthorizationMessage extends define('InvalidAuthorizationMessageException', 400) {}
export class OrganizationNotFound extends define('OrganizationNotFoundException', 400) {}
