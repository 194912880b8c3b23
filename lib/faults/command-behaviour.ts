import { clone } from '../util/clone';
import { faultFromException } from './exception-fault';
import { FunctionTimeoutFault, ServiceFault } from './faults';
import { overrideOutput } from './override-output';
import type { OverrideAnswer, OverrideRegistry, OverrideRule } from './override-registry';

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/**
 * The input `lambda.on()` matches, typed by the command: any subset of its members, at any depth
 * (bytes may be given as a string). Jest's and vitest's asymmetric matchers fit anywhere.
 *
 * @example
 * ```ts
 * const pattern: InputPattern<InvokeCommandInput> = { FunctionName: expect.stringMatching(/^orders/), Payload: '{"id":1}' };
 * ```
 */
export type InputPattern<T> = T extends Primitive
  ? T
  : T extends Uint8Array
    ? Uint8Array | string
    : T extends Date
      ? Date
      : T extends readonly (infer E)[]
        ? readonly InputPattern<E>[]
        : T extends object
          ? { readonly [K in keyof T]?: InputPattern<T[K]> }
          : T;

/**
 * What `resolves()` takes: the command's output without `$metadata` (the SDK reports it); an
 * Invoke `Payload` may be a string or plain bytes. A member the output does not have, or of the
 * wrong type, does not compile.
 *
 * @example
 * ```ts
 * const output: OverrideOutput<InvokeCommandOutput> = { Payload: '{"ok":true}', ExecutedVersion: '$LATEST' };
 * ```
 */
export type OverrideOutput<Output> = {
  [K in keyof Omit<Output, '$metadata'>]: NonNullable<Output[K]> extends Uint8Array ? Uint8Array | string : Output[K];
};

/**
 * What `rejects()` takes: an `Error` (an SDK exception such as `new TooManyRequestsException({…})`
 * answers as the service sends it; any other error is thrown as it is, as a network failure would
 * be), a fault such as `tooManyRequests()`, and, for Invoke, `functionTimeout()`.
 *
 * @example
 * ```ts
 * const reset: Rejection<GetFunctionCommandOutput> = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
 * ```
 */
export type Rejection<Output> = Error | ServiceFault | ('FunctionError' extends keyof Output ? FunctionTimeoutFault : never);

/**
 * Options of `lambda.on()`.
 *
 * @example
 * ```ts
 * lambda.on(InvokeCommand, { FunctionName: 'orders' }, { strict: true }); // not { FunctionName: 'orders', Qualifier: '1' }
 * ```
 */
export interface OverrideOptions {
  /** Match only an input equal to the one given (no other member, at any depth), instead of one that contains it. */
  readonly strict?: boolean;
}

/**
 * How lambda-mock answers the commands `lambda.on(Command, input?)` matches, instead of (or before)
 * the stateful fake. Once-answers are used first, in order, then the lasting one (`resolves`/
 * `rejects`); with none left, the fake answers. `delays(ms)` makes every answer of the rule late.
 * Overrides never change the store, are recorded in `lambda.calls`, and `lambda.reset()` clears them.
 *
 * @example
 * ```ts
 * lambda.on(InvokeCommand, { FunctionName: 'orders' })
 *   .rejectsOnce(tooManyRequests())        // the SDK retries it…
 *   .resolvesOnce({ Payload: '{"ok":1}' }); // …and gets this on attempt 2
 * ```
 */
export interface CommandBehaviour<Output> {
  /** Answers `output` to every matching call once the once-answers are used up. */
  resolves(output: OverrideOutput<Output>): this;
  /** Answers `output` to the next matching call. */
  resolvesOnce(output: OverrideOutput<Output>): this;
  /** Fails every matching call with `error` once the once-answers are used up. */
  rejects(error: Rejection<Output>): this;
  /** Fails the next matching call with `error`. */
  rejectsOnce(error: Rejection<Output>): this;
  /**
   * Answers every matching call `ms` milliseconds late (whatever answers it: an override or the
   * fake), on the global timers, so fake timers control it; the client's `abortSignal` cancels it.
   */
  delays(ms: number): this;
}

/** The behaviour builder `lambda.on()` returns: each method adds to one rule of the registry. */
export class RuleBehaviour<Output> implements CommandBehaviour<Output> {
  constructor(
    private readonly registry: OverrideRegistry,
    private readonly rule: OverrideRule,
  ) {}

  resolves(output: OverrideOutput<Output>): this {
    return this.edit((rule) => (rule.always = this.outputAnswer(output)));
  }

  resolvesOnce(output: OverrideOutput<Output>): this {
    return this.edit((rule) => rule.once.push(this.outputAnswer(output)));
  }

  rejects(error: Rejection<Output>): this {
    return this.edit((rule) => (rule.always = this.rejection(error)));
  }

  rejectsOnce(error: Rejection<Output>): this {
    return this.edit((rule) => rule.once.push(this.rejection(error)));
  }

  delays(ms: number): this {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new TypeError(`lambda-mock: delays() takes a number of milliseconds, not ${String(ms)}`);
    }
    return this.edit((rule) => (rule.delayMs = ms));
  }

  /** Changes the rule, putting it back in the registry if `reset()` took it out since. */
  private edit(change: (rule: OverrideRule) => unknown): this {
    change(this.rule);
    this.registry.attach(this.rule);
    return this;
  }

  private outputAnswer(output: object): OverrideAnswer {
    // A snapshot: changing the object afterwards changes no answer.
    return { kind: 'output', output: clone(overrideOutput(this.rule.commandName, output)) };
  }

  private rejection(error: unknown): OverrideAnswer {
    if (error instanceof FunctionTimeoutFault) {
      if (this.rule.commandName !== 'InvokeCommand') {
        throw new TypeError(`lambda-mock: functionTimeout() answers InvokeCommand only, not ${this.rule.commandName}`);
      }
      return { kind: 'timeout', fault: error };
    }
    if (error instanceof ServiceFault) return { kind: 'fault', fault: error };
    if (error instanceof Error) {
      const fault = faultFromException(error);
      return fault ? { kind: 'fault', fault } : { kind: 'error', error };
    }
    throw new TypeError('lambda-mock: rejects() takes an Error (such as an SDK exception) or a fault such as tooManyRequests()');
  }
}
