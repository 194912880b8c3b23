import { Uint8ArrayBlobAdapter } from '@smithy/core/serde';
import type { OperationHandler } from '../operation-handler';
import { runInvocation } from './run-invocation';

const STATUS = { RequestResponse: 200, Event: 202, DryRun: 204 } as const;

/**
 * Invoke: 200 with the payload for `RequestResponse` (a function error is reported in
 * `FunctionError`, not thrown), 202 for `Event`, 204 for `DryRun`.
 */
export const invoke: OperationHandler<'Invoke'> = (input, ctx) => {
  const { executedVersion, result, logResult } = runInvocation(ctx, input);
  const StatusCode = STATUS[input.InvocationType ?? 'RequestResponse'];
  if (!result) return { StatusCode };
  return {
    StatusCode,
    ExecutedVersion: executedVersion,
    Payload: Uint8ArrayBlobAdapter.fromString(result.payload),
    ...(result.functionError ? { FunctionError: result.functionError } : {}),
    ...(logResult !== undefined ? { LogResult: logResult } : {}),
  };
};
