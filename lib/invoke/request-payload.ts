import { invalidRequestContent, ServiceError } from '../errors/service-error';

/** The largest request the Invoke API accepts, whatever the invocation type (6 MB). */
export const REQUEST_LIMIT = 6_291_456;

/** The largest request payloads the service accepts (synchronous 6 MB, asynchronous 1 MB since late 2025). */
export const PAYLOAD_LIMITS = { RequestResponse: REQUEST_LIMIT, DryRun: REQUEST_LIMIT, Event: 1_048_576 } as const;

/** The request payload as text and its size in bytes, whatever form the SDK accepted it in (a string stays one). */
export function payloadText(payload: unknown): { text: string; bytes: number } {
  if (payload === undefined || payload === null) return { text: '', bytes: 0 };
  if (typeof payload === 'string') return { text: payload, bytes: Buffer.byteLength(payload, 'utf8') };
  if (payload instanceof Uint8Array) {
    return { text: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8'), bytes: payload.byteLength };
  }
  throw invalidRequestContent('Could not parse request body into json: Could not parse payload into json: unsupported payload type');
}

/**
 * Checks a request payload as the service does: its size (`RequestEntityTooLargeException`, 413),
 * then that it is JSON (`InvalidRequestContentException`). The service words the two size limits
 * differently: the request limit every invoke meets first, then the smaller `Event` limit.
 */
export function checkPayload(payload: unknown, invocationType: keyof typeof PAYLOAD_LIMITS): string {
  const { text, bytes } = payloadText(payload);
  if (bytes > REQUEST_LIMIT) {
    throw tooLarge(`Request must be smaller than ${REQUEST_LIMIT} bytes for the InvokeFunction operation`);
  }
  const limit = PAYLOAD_LIMITS[invocationType];
  if (bytes > limit) {
    throw tooLarge(`${bytes} byte payload is too large for the ${invocationType} invocation type (limit ${limit} bytes)`);
  }
  if (text.trim() !== '') {
    try {
      JSON.parse(text);
    } catch (error) {
      throw invalidRequestContent(
        `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`,
      );
    }
  }
  return text;
}

/** `RequestEntityTooLargeException` (413): not in the model, so the SDK names a `LambdaServiceException` after it. */
const tooLarge = (message: string): ServiceError =>
  new ServiceError('RequestEntityTooLargeException', message, { status: 413, type: null });
