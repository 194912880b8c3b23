import { Uint8ArrayBlobAdapter } from '@smithy/core/serde';
import type { ExecutionOutcome } from '../../execution/run-handler';
import type { StoredInvokeResult } from '../../invoke/invoke-result';
import type { OperationHandler } from '../operation-handler';
import { runInvocation } from './run-invocation';

const STATUS = { RequestResponse: 200, Event: 202, DryRun: 204 } as const;

/**
 * Invoke: 200 with the payload for `RequestResponse` (a function error is reported in
 * `FunctionError`, not thrown), 202 for `Event`, 204 for `DryRun`.
 */
export const invoke: OperationHandler<'Invoke'> = (input, ctx) => {
  const { executedVersion, result, logResult, durableExecutionArn, execution } = runInvocation(ctx, input);
  const StatusCode = STATUS[input.InvocationType ?? 'RequestResponse'];
  const durable = durableExecutionArn !== undefined ? { DurableExecutionArn: durableExecutionArn } : {};
  if (execution) {
    // The function's own code answers once the command committed (an `Event` invoke's runs on after its 202).
    ctx.defer({ plan: execution, answer: (outcome: ExecutionOutcome, tail: string | undefined) => invokeOutput(executedVersion, outcome.result, tail) });
  }
  // The service answers an empty body, which the SDK turns into `Payload: null` (its types say
  // `Uint8ArrayBlobAdapter | undefined`, its deserializer says null).
  if (!result) return { StatusCode, Payload: null as unknown as undefined, ...durable };
  return { ...durable, ...invokeOutput(executedVersion, result, logResult) };
};

/** A synchronous Invoke's output: the payload, the function error if any, the log tail when asked for. */
function invokeOutput(executedVersion: string, result: StoredInvokeResult, logResult: string | undefined) {
  return {
    StatusCode: 200,
    ExecutedVersion: executedVersion,
    Payload: Uint8ArrayBlobAdapter.fromString(result.payload),
    ...(result.functionError ? { FunctionError: result.functionError } : {}),
    ...(logResult !== undefined ? { LogResult: logResult } : {}),
  };
}
