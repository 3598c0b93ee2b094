// AWS and validation errors turned into messages a person can act on: the missing permission, the field at
// fault, the endpoint that could not be reached. Never a stack trace.
import type { ActionError } from './result';

interface AwsLikeError {
  name?: string;
  Code?: string;
  message?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  issues?: Array<{ path: PropertyKey[]; message: string }>;
}

/** Reads `iam:DeleteUser` and the resource from AWS's AccessDenied message. */
export function parseAccessDenied(message: string): { permission?: string; resource?: string; principal?: string } {
  const permission = /perform:\s*([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
  // An ARN, `*`, or AWS's description of a named entity (`user bob`, `role r`, `policy arn:...`).
  const resource = /on resource:\s*((?:[a-z-]+ )?\S+?)(?:\s+because|\s+with an explicit deny|\s*$)/.exec(message)?.[1];
  const principal = /^User:\s*(\S+)\s+is not authorized/.exec(message)?.[1];
  return { permission, resource, principal };
}

/** Turns `at 'userName'` or `at 'tags.1.member.value'` into the input field it names (`UserName`, `Tags`). */
export function parseValidationField(message: string): string | undefined {
  const at = /at '([^']+)'/.exec(message)?.[1];
  if (!at) return undefined;
  const head = at.split('.')[0]!;
  return head.charAt(0).toUpperCase() + head.slice(1);
}

const SESSION_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'TokenRefreshRequired',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError']);

/**
 * AWS's error code of a thrown SDK error. The SDK names modelled errors after their shapes
 * (`NoSuchEntityException`); AWS's wire code is `NoSuchEntity`.
 */
export function awsErrorCode(error: unknown): string {
  const e = (error ?? {}) as AwsLikeError;
  const name = e.name && e.name !== 'Error' ? e.name : (e.Code ?? e.code ?? 'UnknownError');
  return name.length > 'Exception'.length &&
    name.endsWith('Exception') &&
    !/^(AccessDenied|Validation|Throttling|ExpiredToken|UnrecognizedClient)Exception$/.test(name)
    ? name.slice(0, -'Exception'.length)
    : name;
}

/** Maps any thrown value to an ActionError. `fieldNames` maps API member names to the form's field names. */
export function toActionError(error: unknown, fieldNames: Record<string, string> = {}): ActionError {
  const e = (error ?? {}) as AwsLikeError;
  if (Array.isArray(e.issues) && e.name === 'ZodError') {
    const first = e.issues[0];
    const field = first?.path.map(String).join('.') || undefined;
    return { code: 'ValidationError', message: first ? `${field ? `${field}: ` : ''}${first.message}` : 'The input is not valid.', field };
  }
  const code = awsErrorCode(error);
  const message = typeof e.message === 'string' ? e.message : '';

  if (code === 'AccessDenied' || code === 'AccessDeniedException') {
    const { permission, resource } = parseAccessDenied(message);
    if (permission) {
      return {
        code: 'AccessDenied',
        permission,
        message: `You are not allowed to perform ${permission}${resource && resource !== '*' ? ` on ${resource}` : ''}. Ask an administrator to grant ${permission} to your identity.`,
      };
    }
    return { code: 'AccessDenied', message: message || 'You are not allowed to perform this action.' };
  }
  if (SESSION_CODES.has(code) || /security token .* (expired|invalid)/i.test(message)) {
    return { code: 'SessionExpired', message: 'Your session has expired or its credentials are no longer valid. Sign in again.' };
  }
  if (code === 'ValidationError' || code === 'InvalidInput' || code === 'ValidationException') {
    const apiField = parseValidationField(message);
    const field = apiField ? (fieldNames[apiField] ?? apiField) : undefined;
    return { code, field, message: message || 'The input is not valid.' };
  }
  if (code === 'Throttling' || code === 'ThrottlingException') {
    return { code, message: 'The IAM endpoint is throttling requests. Wait a moment and try again.' };
  }
  if (NETWORK_CODES.has(code) || NETWORK_CODES.has(e.code ?? '') || /fetch failed|ECONNREFUSED|socket hang up/i.test(message)) {
    return {
      code: 'EndpointUnreachable',
      message: 'The IAM endpoint could not be reached. Check that it is running and that GATEHOUSE_IAM_ENDPOINT is right.',
    };
  }
  const status = e.$metadata?.httpStatusCode;
  if (e.$fault === 'client' || (status !== undefined && status >= 400 && status < 500)) {
    // NoSuchEntity, EntityAlreadyExists, DeleteConflict, LimitExceeded, MalformedPolicyDocument,
    // PasswordPolicyViolation...: AWS's own messages already say what to change.
    return { code, message: message || code };
  }
  const requestId = e.$metadata?.requestId;
  return {
    code: code === 'UnknownError' ? 'InternalError' : code,
    message: `Something went wrong${code !== 'UnknownError' ? ` (${code})` : ''}. Try again${requestId ? `; request ID ${requestId}` : ''}.`,
  };
}
