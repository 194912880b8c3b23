import type { ResponseMetadata } from '@smithy/types';
import type { LambdaSdk } from '../interception/lambda-sdk';
import type { ServiceError } from './service-error';

type ExceptionConstructor = new (options: Record<string, unknown>) => Error;

/**
 * Builds the exception the SDK copy `sdk` would throw for this service answer: its own class
 * (so `instanceof` works with the class the user imported), or `LambdaServiceException` named after
 * the error code for an error the model does not declare, with the same members the SDK's
 * deserializer sets: `name`, `message`, `$fault`, `$metadata`, `Type` and the error's own members.
 */
export function toSdkError(sdk: LambdaSdk, error: ServiceError, $metadata: ResponseMetadata): Error {
  const exports = sdk as unknown as Record<string, unknown>;
  const candidate = exports[error.code];
  const isModeled =
    typeof candidate === 'function' && candidate.prototype instanceof sdk.LambdaServiceException;
  const Ctor = (isModeled ? candidate : sdk.LambdaServiceException) as ExceptionConstructor;
  const exception = new Ctor({ name: error.code, $fault: error.fault, $metadata, message: error.message });
  const fields: Record<string, unknown> = { name: error.code, $fault: error.fault, $metadata, message: error.message };
  if (error.type !== undefined) fields.Type = error.type;
  Object.assign(exception, fields, error.members);
  // The SDK moves a modeled `Message` member into `message` and deletes it.
  delete (exception as { Message?: unknown }).Message;
  return exception;
}
