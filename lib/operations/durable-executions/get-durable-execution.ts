import type { OperationHandler } from '../operation-handler';
import { functionArn } from '../functions/function-ref';
import { getExecution } from './execution-ref';

/**
 * GetDurableExecution: an execution's status, input, result or error, times and version. (The
 * newer `IncludeExecutionData` member of the SDK is not in the API model this project follows, so
 * the data is always included.)
 */
export const getDurableExecution: OperationHandler<'GetDurableExecution'> = (input, ctx) => {
  const execution = getExecution(ctx, input.DurableExecutionArn!);
  return {
    DurableExecutionArn: execution.arn,
    DurableExecutionName: execution.name,
    FunctionArn: functionArn(ctx, execution.functionName),
    InputPayload: execution.inputPayload,
    ...(execution.result !== undefined ? { Result: execution.result } : {}),
    ...(execution.error !== undefined ? { Error: execution.error } : {}),
    StartTimestamp: new Date(execution.startTimestamp),
    Status: execution.status,
    ...(execution.endTimestamp !== undefined ? { EndTimestamp: new Date(execution.endTimestamp) } : {}),
    Version: execution.version,
  };
};
