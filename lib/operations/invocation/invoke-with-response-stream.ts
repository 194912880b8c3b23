import type { InvokeWithResponseStreamResponseEvent } from '@aws-sdk/client-lambda';
import type { OperationHandler } from '../operation-handler';
import { runInvocation } from './run-invocation';

/** The service streams a response in chunks; one chunk per 64 KB keeps large payloads realistic. */
const CHUNK_BYTES = 65_536;

async function* responseEvents(
  payload: Uint8Array,
  complete: { ErrorCode?: string; ErrorDetails?: string; LogResult?: string },
): AsyncGenerator<InvokeWithResponseStreamResponseEvent> {
  for (let offset = 0; offset < payload.byteLength; offset += CHUNK_BYTES) {
    yield { PayloadChunk: { Payload: new Uint8Array(payload.subarray(offset, offset + CHUNK_BYTES)) } };
  }
  yield { InvokeComplete: complete };
}

/**
 * InvokeWithResponseStream: the same result the queue/echo rules give, as an event stream read with
 * `for await`: `PayloadChunk` events, then `InvokeComplete` (with the error and log tail, if any).
 */
export const invokeWithResponseStream: OperationHandler<'InvokeWithResponseStream'> = (input, ctx) => {
  const { executedVersion, result, logResult } = runInvocation(ctx, input);
  const StatusCode = input.InvocationType === 'DryRun' ? 204 : 200;
  if (!result) return { StatusCode };
  const isError = result.functionError !== undefined;
  const payload = Buffer.from(result.payload, 'utf8');
  return {
    StatusCode,
    ExecutedVersion: executedVersion,
    ResponseStreamContentType: 'application/octet-stream',
    EventStream: responseEvents(isError ? new Uint8Array(0) : payload, {
      ...(isError ? { ErrorCode: result.functionError, ErrorDetails: result.payload } : {}),
      ...(logResult !== undefined ? { LogResult: logResult } : {}),
    }),
  };
};
