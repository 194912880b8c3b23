import type { InvokeWithResponseStreamResponseEvent } from '@aws-sdk/client-lambda';
import type { StoredInvokeResult } from '../../invoke/invoke-result';
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

/** What a function's stream carries when it sets no content type of its own. */
const CONTENT_TYPE = 'application/octet-stream';

async function* noEvents(): AsyncGenerator<InvokeWithResponseStreamResponseEvent> {}

/**
 * InvokeWithResponseStream: the same result the queue/echo rules give, as an event stream read with
 * `for await`: `PayloadChunk` events, then `InvokeComplete` (with the error and log tail, if any).
 */
export const invokeWithResponseStream: OperationHandler<'InvokeWithResponseStream'> = (input, ctx) => {
  const { executedVersion, result, logResult, execution } = runInvocation(ctx, input);
  const StatusCode = input.InvocationType === 'DryRun' ? 204 : 200;
  if (execution) {
    // The function's own code answers once the command committed: its result is what streams.
    ctx.defer({ plan: execution, answer: (outcome, tail) => streamedOutput(StatusCode, executedVersion, outcome.result, tail) });
  }
  // The SDK always wraps the answer in an event stream: for DryRun, one with no events.
  if (!result) return { StatusCode, ResponseStreamContentType: CONTENT_TYPE, EventStream: noEvents() };
  return streamedOutput(StatusCode, executedVersion, result, logResult);
};

/** The stream of one result: its payload in chunks (none for a function error), then `InvokeComplete`. */
function streamedOutput(StatusCode: number, executedVersion: string, result: StoredInvokeResult, logResult: string | undefined) {
  const isError = result.functionError !== undefined;
  const payload = Buffer.from(result.payload, 'utf8');
  return {
    StatusCode,
    ExecutedVersion: executedVersion,
    ResponseStreamContentType: CONTENT_TYPE,
    EventStream: responseEvents(isError ? new Uint8Array(0) : payload, {
      ...(isError ? { ErrorCode: result.functionError, ErrorDetails: result.payload } : {}),
      ...(logResult !== undefined ? { LogResult: logResult } : {}),
    }),
  };
}
