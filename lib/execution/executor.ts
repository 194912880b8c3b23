import type { LambdaInvocation } from '../invoke/invocation';
import { logTail } from '../invoke/execution-log';
import type { StoredInvokeResult } from '../invoke/invoke-result';
import type { OperationContext } from '../operations/operation-handler';
import { BackgroundRuns } from './background-runs';
import type { ExecutionPlan } from './execution-plan';
import { EsModuleFolders } from './es-module-loader';
import { HandlerRegistry } from './handler-registry';
import type { ExecuteMode, HandlerSource } from './handler-types';
import { loadHandler, type LoadedHandler } from './load-handler';
import { runHandler, type ExecutionOutcome } from './run-handler';

/**
 * How the service runs an asynchronous (`Event`) invocation: up to `attempts` runs while the function
 * errors (each retry calls the handler again, with the same request id), then `finish` with the last
 * result and the number of runs, in a transaction of its own (lib/operations/event-invoke-configs).
 */
export interface AsynchronousRun {
  readonly attempts: number;
  readonly finish: (ctx: OperationContext, result: StoredInvokeResult, attempts: number) => void;
}

/**
 * An execution an Invoke command asked for, run after the command committed: `answer` builds the
 * command's output from the outcome; an `Event` invoke, whose caller has its 202 already, has
 * `background` instead.
 */
export interface DeferredExecution {
  readonly plan: ExecutionPlan;
  readonly answer?: (outcome: ExecutionOutcome, logResult: string | undefined) => Record<string, unknown>;
  readonly background?: AsynchronousRun;
}

/** The invocation to record for a synchronous execution once it ran. */
export const invocationOf = (plan: ExecutionPlan, outcome: ExecutionOutcome): LambdaInvocation => ({
  functionName: plan.functionName,
  ...(plan.qualifier !== undefined ? { qualifier: plan.qualifier } : {}),
  executedVersion: plan.executedVersion,
  invocationType: plan.invocationType as LambdaInvocation['invocationType'],
  payload: plan.payload,
  result: outcome.result,
  requestId: plan.requestId,
  region: plan.region,
  accountId: plan.accountId,
});

/**
 * Runs functions' own code in this process: the registered handlers, the code mode, and the loaded
 * modules of each code version (kept, as a warm execution environment keeps them, until `dispose()`).
 */
export class Executor {
  readonly handlers = new HandlerRegistry();
  private readonly loaded = new Map<string, Promise<LoadedHandler>>();
  private readonly folders = new EsModuleFolders();
  /** The asynchronous executions still running (`lambda.idle()`). */
  readonly background = new BackgroundRuns();

  constructor(readonly mode: ExecuteMode = 'queue') {
    if (mode !== 'queue' && mode !== 'code') throw new TypeError(`lambda-mock: execute is 'queue' or 'code', not ${String(mode)}`);
  }

  /** What answers an invoke of this function and version, if its own code does: the caller still checks the runtime for `'code'`. */
  find(functionName: string, qualifier: string | undefined, executedVersion: string): HandlerSource | undefined {
    return this.handlers.find(functionName, qualifier, executedVersion) ?? (this.mode === 'code' ? 'code' : undefined);
  }

  /** Runs one execution; never rejects: a failing handler is a function error in the outcome. */
  async run(execution: DeferredExecution): Promise<{ outcome: ExecutionOutcome; logResult: string | undefined }> {
    const { plan } = execution;
    const outcome = await runHandler(() => this.load(plan), plan, plan.invocationType === 'Event');
    return { outcome, logResult: plan.logType === 'Tail' ? logTail(outcome.log) : undefined };
  }

  /**
   * Runs an asynchronous execution as the service does: again after a function error, up to
   * `attempts` runs in all, while `live()` (a reset abandons it).
   */
  async runRetrying(execution: DeferredExecution, attempts: number, live: () => boolean): Promise<{ result: StoredInvokeResult; attempts: number }> {
    let runs = 0;
    let result: StoredInvokeResult;
    do {
      ({ result } = (await this.run(execution)).outcome);
      runs += 1;
    } while (result.functionError !== undefined && runs < attempts && live());
    return { result, attempts: runs };
  }

  /** Forgets loaded modules and running executions, and removes the folders ES modules were written to (`restore()`). */
  dispose(): void {
    this.background.abandon();
    this.loaded.clear();
    this.folders.dispose();
  }

  private load(plan: ExecutionPlan): Promise<LoadedHandler> {
    const { source } = plan;
    if (source.kind === 'handler') return Promise.resolve({ handler: source.handler });
    let loading = this.loaded.get(source.key);
    if (!loading) {
      loading = loadHandler(plan.handlerSetting, plan.runtime, source.zipBase64, source.layerZipsBase64, this.folders);
      this.loaded.set(source.key, loading);
      // A failed init is retried on the next invoke, as the service starts a new environment.
      void loading.then((loaded) => {
        if ('initError' in loaded) this.loaded.delete(source.key);
      });
    }
    return loading;
  }
}
