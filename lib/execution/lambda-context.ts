import type { LambdaCallback, LambdaContext } from './handler-types';
import type { ExecutionPlan } from './execution-plan';
import { randomBytes } from 'node:crypto';

/** `2024/05/01/[$LATEST]0123…`: the runtime's log stream name for an execution environment. */
export function logStreamName(version: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${day}/[${version}]${randomBytes(16).toString('hex')}`;
}

/** The context object, as the Node.js runtime builds it; `deadline` is a `Date.now()` value. */
export function lambdaContext(plan: ExecutionPlan, logStream: string, deadline: number, callback: LambdaCallback): LambdaContext {
  return {
    functionName: plan.functionName,
    functionVersion: plan.executedVersion,
    invokedFunctionArn: plan.invokedFunctionArn,
    memoryLimitInMB: String(plan.memorySizeMb),
    awsRequestId: plan.requestId,
    logGroupName: `/aws/lambda/${plan.functionName}`,
    logStreamName: logStream,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    callbackWaitsForEmptyEventLoop: true,
    succeed: (result?: unknown) => callback(null, result),
    fail: (error?: unknown) => callback(error ?? 'handled'),
    done: (error?: unknown, result?: unknown) => callback(error, result),
  };
}

/** The environment variables the runtime sets, then the function's own (`Environment.Variables`). */
export function runtimeEnvironment(plan: ExecutionPlan, logStream: string): Record<string, string> {
  return {
    AWS_REGION: plan.region,
    AWS_DEFAULT_REGION: plan.region,
    AWS_LAMBDA_FUNCTION_NAME: plan.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: plan.executedVersion,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(plan.memorySizeMb),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${plan.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStream,
    AWS_EXECUTION_ENV: `AWS_Lambda_${plan.runtime}`,
    _HANDLER: plan.handlerSetting,
    LAMBDA_TASK_ROOT: '/var/task',
    ...plan.environment,
  };
}
