// IAM Access Analyzer's errors (codes and HTTP statuses from its service model), thrown by lib/analyzer and
// answered by the REST-JSON protocol.
import { AwsError } from '../core/errors';

/** A field that failed validation (ValidationException's `fieldList`). */
export interface ValidationField {
  name: string;
  message: string;
}

/** Errors of the REST-JSON services may carry extra members beside `message`. */
export class RestJsonError extends AwsError {
  readonly extra: Record<string, unknown>;
  constructor(code: string, message: string, status: number, extra: Record<string, unknown> = {}) {
    super(code, message, status);
    this.extra = extra;
  }
}

export class AccessDeniedException extends RestJsonError {
  constructor(message: string) {
    super('AccessDeniedException', message, 403);
  }
}

/** `reason`: unknownOperation | cannotParse | fieldValidationFailed | other (the model's enum). */
export class ValidationException extends RestJsonError {
  constructor(
    message: string,
    reason: 'unknownOperation' | 'cannotParse' | 'fieldValidationFailed' | 'other' = 'fieldValidationFailed',
    fieldList?: ValidationField[],
  ) {
    super('ValidationException', message, 400, fieldList ? { reason, fieldList } : { reason });
  }
}

export class InvalidParameterException extends RestJsonError {
  constructor(message: string) {
    super('InvalidParameterException', message, 400);
  }
}

export class ResourceNotFoundException extends RestJsonError {
  constructor(message: string, resourceId: string, resourceType: string) {
    super('ResourceNotFoundException', message, 404, { resourceId, resourceType });
  }
}

export class ConflictException extends RestJsonError {
  constructor(message: string, resourceId: string, resourceType: string) {
    super('ConflictException', message, 409, { resourceId, resourceType });
  }
}

export class UnprocessableEntityException extends RestJsonError {
  constructor(message: string) {
    super('UnprocessableEntityException', message, 422);
  }
}

export class ThrottlingException extends RestJsonError {
  constructor(message: string) {
    super('ThrottlingException', message, 429);
  }
}

export class InternalServerException extends RestJsonError {
  constructor(message: string) {
    super('InternalServerException', message, 500);
  }
}

/**
 * AWS's answer to a request that names no operation of the service, or one Gatehouse does not serve
 * (the Coral framework's `UnknownOperationException`, HTTP 404).
 */
export class UnknownOperationException extends RestJsonError {
  constructor(message: string) {
    super('UnknownOperationException', message, 404);
  }
}
