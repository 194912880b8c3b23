import { ServiceError, type ErrorType } from '../errors/service-error';
import { errorSpecs } from '../model/lambda-model.generated';
import { defaultMessage, ServiceFault } from './faults';

/** An exception of the SDK (any copy): a `ServiceException` subclass, which carries `$fault`. */
type SdkException = Error & {
  readonly $fault: 'client' | 'server';
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly Type?: unknown;
  readonly Message?: unknown;
};

/** Members the SDK manages itself rather than reading them from the service's answer. */
const NOT_MEMBERS = new Set(['$fault', '$metadata', '$response', '$retryable', 'name', 'message', 'Message', 'Type']);

const isSdkException = (error: Error): error is SdkException => {
  const fault = (error as { $fault?: unknown }).$fault;
  return fault === 'client' || fault === 'server';
};

/**
 * The fault that answers like `error` when `error` is an exception of the SDK, such as
 * `new TooManyRequestsException({ message, $metadata: {}, Reason })`: each answer is then a fresh
 * instance of its class as the service sends it (the model's status unless `$metadata.httpStatusCode`
 * says otherwise, `Type`, a request id, the `Retry-After` header), with the same members and message
 * (the service's usual message when it has none). Any other error answers `undefined`.
 *
 * @example
 * ```ts
 * faultFromException(new ServiceException({ $metadata: {}, message: 'boom' }))?.code; // 'ServiceException'
 * ```
 */
export function faultFromException(error: Error): ServiceFault | undefined {
  if (!isSdkException(error)) return undefined;
  const code = error.name;
  const members: Record<string, unknown> = {};
  for (const key of Object.keys(error)) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (!NOT_MEMBERS.has(key) && value !== undefined) members[key] = value;
  }
  const given = error.$metadata?.httpStatusCode;
  // An error the model does not declare takes its status from its fault, as the SDK reports it.
  const status = typeof given === 'number' ? given : errorSpecs[code] ? undefined : error.$fault === 'server' ? 500 : 400;
  const type = error.Type === 'User' || error.Type === 'Service' ? (error.Type as ErrorType) : undefined;
  const text = error.message || (typeof error.Message === 'string' ? error.Message : '');
  return new ServiceFault(
    code,
    (context) => new ServiceError(code, text || (defaultMessage(code, context) ?? ''), { members: { ...members }, type, status }),
  );
}
