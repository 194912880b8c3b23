import { performance } from 'node:perf_hooks';
import { executionLog } from '../invoke/execution-log';
import type { StoredInvokeResult } from '../invoke/invoke-result';
import { logLine, withCapturedConsole, type LogSink } from './console-capture';
import type { ExecutionPlan } from './execution-plan';
import type { LambdaHandler } from './handler-types';
import { lambdaContext, logStreamName, runtimeEnvironment } from './lambda-context';
import { invokeErrorLog, runtimeErrorPayload, type RuntimeErrorPayload } from './runtime-error';
import type { LoadedHandler } from './load-handler';
import { applyEnvironment } from './scoped-environment';

/** The most a function may answer (6 MB, as the service counts it: 6,291,556 bytes). */
export const RESPONSE_LIMIT = 6_291_556;

/** One execution's outcome: what Invoke answers, and the whole log the runtime wrote. */
export interface ExecutionOutcome {
  readonly result: StoredInvokeResult;
  readonly log: string;
}

type Settled = { readonly kind: 'value'; readonly value: unknown } | { readonly kind: 'error'; readonly error: unknown } | { readonly kind: 'timeout' };

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';

/** The event the handler receives: the payload parsed (the request was checked to be JSON), `{}` for none. */
const eventOf = (payload: string): unknown => (payload.trim() === '' ? {} : JSON.parse(payload));

/**
 * Calls the handler as the runtime does: a returned promise settles the invocation, else the
 * callback does (callback-style handlers); a handler that neither returns a promise nor takes a
 * callback answers `null`. Whichever comes first wins against the function's timeout.
 */
function settle(handler: LambdaHandler<never>, plan: ExecutionPlan, logStream: string, background: boolean): Promise<Settled> {
  return new Promise<Settled>((resolve) => {
    const timeoutMs = plan.timeoutSeconds * 1000;
    const timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
    // An `Event` invoke's caller is not waiting: its timer must not keep the process alive.
    if (background) timer.unref();
    let done = false;
    const finish = (settled: Settled): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(settled);
    };
    const callback = (error?: unknown, value?: unknown): void =>
      finish(error !== undefined && error !== null ? { kind: 'error', error } : { kind: 'value', value });
    const context = lambdaContext(plan, logStream, Date.now() + timeoutMs, callback);
    try {
      const returned = (handler as (...args: unknown[]) => unknown)(eventOf(plan.payload), context, callback);
      if (isThenable(returned)) returned.then((value) => finish({ kind: 'value', value }), (error: unknown) => finish({ kind: 'error', error }));
      else if (handler.length < 3) finish({ kind: 'value', value: null });
    } catch (error) {
      finish({ kind: 'error', error });
    }
  });
}

const failed = (sink: LogSink, payload: RuntimeErrorPayload): StoredInvokeResult => {
  logLine(sink, 'ERROR', invokeErrorLog(payload));
  return { payload: JSON.stringify(payload), functionError: 'Unhandled' };
};

/** What a settled handler answers: its value as JSON (`undefined` as `null`), within the response limit. */
function resultOf(settled: Settled, sink: LogSink, plan: ExecutionPlan): StoredInvokeResult {
  if (settled.kind === 'timeout') {
    const seconds = plan.timeoutSeconds.toFixed(2);
    sink.lines.push(`${new Date().toISOString()} ${plan.requestId} Task timed out after ${seconds} seconds\n`);
    return {
      payload: JSON.stringify({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${plan.requestId} Error: Task timed out after ${seconds} seconds` }),
      functionError: 'Unhandled',
    };
  }
  if (settled.kind === 'error') return failed(sink, runtimeErrorPayload(settled.error));
  let payload: string;
  try {
    payload = JSON.stringify(settled.value === undefined ? null : settled.value);
  } catch (error) {
    return failed(sink, { errorType: 'Runtime.UnmarshalError', errorMessage: `Unable to stringify response body as json: ${(error as Error).message}`, trace: [] });
  }
  if (Buffer.byteLength(payload, 'utf8') > RESPONSE_LIMIT) {
    return {
      payload: JSON.stringify({
        errorMessage: `Response payload size exceeded maximum allowed payload size (${RESPONSE_LIMIT} bytes).`,
        errorType: 'Function.ResponseSizeTooLarge',
      }),
      functionError: 'Unhandled',
    };
  }
  return { payload };
}

/**
 * Runs one invocation: loads the handler (`load`: a registered one, or the function's code, read
 * with the environment in place as a module's top level would read it), with the runtime's and the
 * function's environment variables in `process.env` for the call only, console output into the log,
 * and the timeout enforced.
 */
export async function runHandler(
  load: () => Promise<LoadedHandler>,
  plan: ExecutionPlan,
  background: boolean,
): Promise<ExecutionOutcome> {
  const sink: LogSink = { requestId: plan.requestId, lines: [] };
  const started = performance.now();
  const logStream = logStreamName(plan.executedVersion, new Date());
  const restoreEnvironment = applyEnvironment(runtimeEnvironment(plan, logStream));
  let result: StoredInvokeResult;
  try {
    result = await withCapturedConsole(sink, async () => {
      const loaded = await load();
      // A module that failed to load: the runtime reports the init error as the invocation's.
      if ('initError' in loaded) return failed(sink, loaded.initError);
      return resultOf(await settle(loaded.handler, plan, logStream, background), sink, plan);
    });
  } finally {
    restoreEnvironment();
  }
  const logs = sink.lines.join('');
  const log = executionLog({ requestId: plan.requestId, version: plan.executedVersion, logs, durationMs: performance.now() - started, memorySizeMb: plan.memorySizeMb });
  return { result: { ...result, ...(logs !== '' ? { logs } : {}) }, log };
}
