import { invalidRequestContent, ServiceError } from '../errors/service-error';

/** The largest request payloads the service accepts (synchronous 6 MB, asynchronous 1 MB since late 2025). */
export const PAYLOAD_LIMITS = { RequestResponse: 6_291_456, DryRun: 6_291_456, Event: 1_048_576 } as const;

/** The request payload as bytes, whatever form the SDK accepted it in. */
export function payloadBytes(payload: unknown): Uint8Array {
  if (payload === undefined || payload === null) return new Uint8Array(0);
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (payload instanceof Uint8Array) return payload;
  throw invalidRequestContent('Could not parse request body into json: Could not parse payload into json: unsupported payload type');
}

/**
 * Checks a request payload as the service does: its size against the limit of the invocation
 * type (`RequestEntityTooLargeException`, 413), then that it is JSON (`InvalidRequestContentException`).
 */
export function checkPayload(bytes: Uint8Array, invocationType: keyof typeof PAYLOAD_LIMITS): string {
  const limit = PAYLOAD_LIMITS[invocationType];
  if (bytes.byteLength > limit) {
    throw new ServiceError(
      'RequestEntityTooLargeException',
      `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
      { status: 413, type: null },
    );
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
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
