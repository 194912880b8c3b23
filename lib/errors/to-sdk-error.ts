import { HttpResponse } from '@smithy/core/transport';
import type { ResponseMetadata } from '@smithy/types';
import { STATUS_CODES } from 'node:http';
import type { LambdaSdk } from '../interception/lambda-sdk';
import type { ServiceError } from './service-error';

type ExceptionConstructor = new (options: Record<string, unknown>) => Error;

/**
 * Builds the exception the SDK copy `sdk` would throw for this service answer: its own class
 * (so `instanceof` works with the class the user imported), or `LambdaServiceException` named after
 * the error code for an error the model does not declare, with the same own members, in the same
 * way, as the SDK's REST-JSON deserializer: the class is constructed without a message, then
 * `$metadata`, `$fault`, `message` (an enumerable own property, unlike `Error`'s), `Type` and the
 * error's own members are assigned; a modeled `Message` member is dropped (its text is `message`);
 * `$response` is a hidden (non-enumerable) HTTP response, as the SDK defines it.
 */
export function toSdkError(sdk: LambdaSdk, error: ServiceError, $metadata: ResponseMetadata): Error {
  const exports = sdk as unknown as Record<string, unknown>;
  const candidate = exports[error.code];
  const isModeled =
    typeof candidate === 'function' && candidate.prototype instanceof sdk.LambdaServiceException;
  // A modeled class names itself; the base class takes the service's error code as its name.
  const exception = isModeled
    ? new (candidate as ExceptionConstructor)({})
    : new (sdk.LambdaServiceException as unknown as ExceptionConstructor)({ name: error.code });
  const fields: Record<string, unknown> = { $metadata, $fault: error.fault, message: error.message };
  if (error.type !== undefined) fields.Type = error.type;
  Object.assign(exception, fields, error.members);
  // The SDK moves a modeled `Message` member into `message` and deletes it.
  delete (exception as { Message?: unknown }).Message;
  Object.defineProperty(exception, '$response', {
    value: new HttpResponse({
      statusCode: $metadata.httpStatusCode ?? error.status,
      reason: STATUS_CODES[$metadata.httpStatusCode ?? error.status],
      headers: {
        'content-type': 'application/json',
        'x-amzn-errortype': error.code,
        ...($metadata.requestId === undefined ? {} : { 'x-amzn-requestid': $metadata.requestId }),
        // TooManyRequestsException's `retryAfterSeconds` travels as a header, which the SDK's retry strategy reads.
        ...(typeof error.members.retryAfterSeconds === 'string' ? { 'retry-after': error.members.retryAfterSeconds } : {}),
      },
    }),
    enumerable: false,
    writable: false,
    configurable: false,
  });
  return exception;
}
