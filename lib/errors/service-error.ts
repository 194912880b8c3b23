import { errorSpecs } from '../model/lambda-model.generated';

/** Who caused an error, as the service reports it in the `Type` member. */
export type ErrorType = 'User' | 'Service';

/**
 * An error as the Lambda service answers it, before it becomes the SDK's own exception class.
 * Handlers throw these; the interception layer turns them into `ResourceNotFoundException` & co.
 */
export class ServiceError extends Error {
  readonly status: number;
  readonly fault: 'client' | 'server';
  readonly type: ErrorType | undefined;
  readonly members: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: string,
    message: string,
    options: { type?: ErrorType | null; members?: Record<string, unknown>; status?: number } = {},
  ) {
    super(message);
    const spec = errorSpecs[code];
    this.name = code;
    this.status = options.status ?? spec?.status ?? 400;
    this.fault = (spec?.fault ?? (this.status >= 500 ? 'server' : 'client')) as 'client' | 'server';
    this.type = options.type === null ? undefined : (options.type ?? (this.fault === 'server' ? 'Service' : 'User'));
    this.members = options.members ?? {};
  }
}

/** `ResourceNotFoundException` (404). */
export const resourceNotFound = (message: string): ServiceError =>
  new ServiceError('ResourceNotFoundException', message);

/** `ResourceConflictException` (409). */
export const resourceConflict = (message: string): ServiceError =>
  new ServiceError('ResourceConflictException', message);

/** `InvalidParameterValueException` (400). */
export const invalidParameter = (message: string): ServiceError =>
  new ServiceError('InvalidParameterValueException', message);

/** `PreconditionFailedException` (412), the answer to a stale `RevisionId`. */
export const preconditionFailed = (message: string): ServiceError =>
  new ServiceError('PreconditionFailedException', message);

/** `ValidationException` (400): a modeled constraint failed. The model does not declare it, so it has no `Type`. */
export const validationError = (violations: readonly string[]): ServiceError =>
  new ServiceError(
    'ValidationException',
    `${violations.length} validation error${violations.length === 1 ? '' : 's'} detected: ${violations.join('; ')}`,
    { type: null },
  );

/** `InvalidRequestContentException` (400): the body could not be read as the operation's input. */
export const invalidRequestContent = (message: string): ServiceError =>
  new ServiceError('InvalidRequestContentException', message);
