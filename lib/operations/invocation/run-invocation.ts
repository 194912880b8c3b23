import type { InvocationType, LogType } from '@aws-sdk/client-lambda';
import { ServiceError } from '../../errors/service-error';
import { executionLog, logTail } from '../../invoke/execution-log';
import type { StoredInvokeResult } from '../../invoke/invoke-result';
import { checkPayload } from '../../invoke/request-payload';
import type { OperationContext } from '../operation-handler';
import type { ExecutionPlan } from '../../execution/execution-plan';
import { planExecution } from '../../execution/plan-execution';
import { assertInvocable } from '../functions/function-lifecycle';
import { startDurableInvocation } from '../durable-executions/start-execution';
import { asynchronousRun, deliverAsyncInvocation, type AsyncEvent } from '../event-invoke-configs/async-delivery';
import type { FunctionState, FunctionVersionState } from '../../store/records';
import { getFunctionState, parseFunctionName, resolveQualifier, versionNamed, type ResolvedQualifier } from '../functions/function-ref';
import { chainWith, NEW_CHAIN, type InvocationChain } from './invocation-chain';

/** What moto's docker-free backend answers when there is no payload to echo. */
const HAPPY_PATH = 'Simple Lambda happy path OK';

/** One invocation's outcome, shared by Invoke, InvokeAsync and InvokeWithResponseStream. */
export interface InvocationOutcome {
  readonly executedVersion: string;
  /** `undefined` for `Event` and `DryRun` invokes, which run nothing synchronously. */
  readonly result: StoredInvokeResult | undefined;
  /** `LogResult`, when the request asked for the log tail. */
  readonly logResult: string | undefined;
  /** The durable execution the invoke started (or found by name), for a durable function. */
  readonly durableExecutionArn?: string;
  /**
   * The function's own code to run after a synchronous command (`result` is then `undefined`):
   * lib/execution. An `Event` invoke's is deferred here already.
   */
  readonly execution?: ExecutionPlan;
}

/**
 * The version an invoke runs: the one the qualifier names, or for a weighted alias its additional
 * version with the alias's weight (drawn from the mock's random source), else its primary version.
 */
function routedVersion(ctx: OperationContext, fn: FunctionState, { version, alias }: ResolvedQualifier): FunctionVersionState {
  const weights = alias?.RoutingConfig?.AdditionalVersionWeights;
  if (weights === undefined) return version;
  const [additional] = Object.entries(weights);
  if (!additional || !(ctx.random() < additional[1])) return version;
  // The weighted version exists: a version an alias routes to cannot be deleted.
  return versionNamed(fn, additional[0]) ?? version;
}

/**
 * Resolves the function and version (an alias picks its version by weight), checks the request as the service does (state, payload size,
 * JSON, throttling), takes the answer (the next queued result, else the request payload echoed)
 * and records the invocation. `chain`: the chain of requests an `Event` invoke the service itself made
 * (a Lambda destination's) continues; a caller's invoke starts a new one.
 */
export function runInvocation(
  ctx: OperationContext,
  request: { FunctionName?: string; Qualifier?: string; Payload?: unknown; InvocationType?: InvocationType; LogType?: LogType; DurableExecutionName?: string },
  chain: InvocationChain = NEW_CHAIN,
): InvocationOutcome {
  const ref = parseFunctionName(ctx, request.FunctionName!, request.Qualifier);
  const fn = getFunctionState(ctx, ref);
  const version = routedVersion(ctx, fn, resolveQualifier(ctx, fn, ref));
  const invocationType = request.InvocationType ?? 'RequestResponse';
  const payload = checkPayload(request.Payload, invocationType);
  assertInvocable(version);
  // Asynchronous invokes are queued by the service (202) and throttled later, out of the caller's sight.
  if (fn.reservedConcurrency === 0 && invocationType === 'RequestResponse') {
    throw new ServiceError('TooManyRequestsException', 'Rate Exceeded.', {
      members: { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' },
    });
  }
  const executedVersion = version.configuration.Version ?? '$LATEST';
  // A durable function's invoke starts a durable execution, which reads the function's answer.
  const { DurableConfig: durableConfig } = version.configuration;
  const durable = durableConfig
    ? startDurableInvocation(ctx, { functionName: fn.name, durableConfig, executedVersion, invocationType, payload, executionName: request.DurableExecutionName })
    : undefined;
  const queued = !durable && invocationType === 'RequestResponse' ? ctx.takeInvokeResult() : undefined;
  // A throttled function's asynchronous event never runs: it ages out of the queue.
  const throttledEvent = invocationType === 'Event' && fn.reservedConcurrency === 0;
  // Queued results win; then the function's own code (a registered handler, or its zip), run once the command committed.
  const execution =
    durable || queued || invocationType === 'DryRun' || throttledEvent
      ? undefined
      : planExecution(ctx, fn, version, { qualifier: ref.qualifier, invocationType, logType: request.LogType, payload });
  const runsLater = execution !== undefined && invocationType === 'RequestResponse';
  const result = durable
    ? durable.result
    : invocationType === 'RequestResponse' && !runsLater ? (queued ?? { payload: payload === '' ? HAPPY_PATH : payload }) : undefined;
  // A synchronous execution is recorded with its result, once it ran (lib/backend).
  if (!runsLater) ctx.recordInvocation({
    functionName: fn.name,
    ...(ref.qualifier !== undefined ? { qualifier: ref.qualifier } : {}),
    executedVersion,
    invocationType,
    payload,
    ...(result ? { result } : {}),
  });
  // The service runs an Event invoke later, retrying a function error and sending the record to the destinations.
  if (invocationType === 'Event' && !durable) {
    const event: AsyncEvent = { functionName: fn.name, qualifier: ref.qualifier, executedVersion, payload, chain: chainWith(chain, fn.name) };
    // The function's own code runs once the command committed (the caller has its 202 at once).
    if (execution) ctx.defer({ plan: execution, background: asynchronousRun(fn, event) });
    else {
      const run = (): StoredInvokeResult => ctx.takeInvokeResult() ?? { payload: payload === '' ? HAPPY_PATH : payload };
      deliverAsyncInvocation(ctx, { ...event, fn, throttled: throttledEvent, run });
    }
  }
  const logResult =
    result && request.LogType === 'Tail'
      ? logTail(
          executionLog({
            requestId: ctx.requestId,
            version: executedVersion,
            logs: result.logs,
            durationMs: 1.5,
            memorySizeMb: version.configuration.MemorySize ?? 128,
          }),
        )
      : undefined;
  return {
    executedVersion,
    result,
    logResult,
    ...(durable ? { durableExecutionArn: durable.durableExecutionArn } : {}),
    ...(runsLater && execution ? { execution } : {}),
  };
}
