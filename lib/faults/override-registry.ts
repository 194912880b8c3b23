import { isDeepStrictEqual } from 'node:util';
import type { FunctionTimeoutFault, ServiceFault } from './faults';
import { matchesInput } from './input-match';

/** What an override answers instead of the fake. */
export type OverrideAnswer =
  /** This output (a copy of what `resolves()` was given). */
  | { readonly kind: 'output'; readonly output: Readonly<Record<string, unknown>> }
  /** This service error, as the SDK's exception class. */
  | { readonly kind: 'fault'; readonly fault: ServiceFault }
  /** This error, thrown as it is (not a service answer: e.g. a network failure such as `ECONNRESET`). */
  | { readonly kind: 'error'; readonly error: Error }
  /** The fake's Invoke, with a function timeout as the function's result. */
  | { readonly kind: 'timeout'; readonly fault: FunctionTimeoutFault };

/**
 * What the overrides decided for one request: wait `delayMs`, then answer `answer`, or let the fake
 * answer when there is none. The caller (the SDK middleware, server mode) does the waiting.
 */
export interface OverrideDecision {
  readonly delayMs: number;
  readonly answer: OverrideAnswer | undefined;
}

/** One `lambda.on(Command, input?, options?)`: its answers, used once each in order, then the lasting one. */
export class OverrideRule {
  readonly once: OverrideAnswer[] = [];
  always: OverrideAnswer | undefined;
  delayMs = 0;

  constructor(
    readonly commandName: string,
    readonly pattern: object | undefined,
    readonly strict: boolean,
  ) {}

  matches(input: unknown): boolean {
    return this.pattern === undefined || matchesInput(this.pattern, input ?? {}, this.strict);
  }

  /** The next decision, using up a once-answer; `undefined` when the rule has nothing (left) to say. */
  take(): OverrideDecision | undefined {
    const answer = this.once.length > 0 ? this.once.shift() : this.always;
    if (answer === undefined && this.delayMs === 0) return undefined;
    return { delayMs: this.delayMs, answer };
  }
}

/**
 * Every override of one backend. The newest rule that matches a request and still has something
 * to say decides; calling `lambda.on()` again with the same command, input and strictness returns
 * (and makes newest) the same rule, so its answers add up.
 */
export class OverrideRegistry {
  private rules: OverrideRule[] = [];

  /** The rule of this command, input and strictness, created when there is none; now the newest. */
  rule(commandName: string, pattern: object | undefined, strict: boolean): OverrideRule {
    const index = this.rules.findIndex(
      (r) => r.commandName === commandName && r.strict === strict && (r.pattern === pattern || isDeepStrictEqual(r.pattern, pattern)),
    );
    const rule = index >= 0 ? this.rules.splice(index, 1)[0]! : new OverrideRule(commandName, pattern, strict);
    this.rules.push(rule);
    return rule;
  }

  /** Puts back a rule `clear()` removed, when its behaviour is given new answers afterwards. */
  attach(rule: OverrideRule): void {
    if (!this.rules.includes(rule)) this.rules.push(rule);
  }

  /** What the overrides say about one request (using up a once-answer), or `undefined`: the fake answers at once. */
  decide(commandName: string, input: unknown): OverrideDecision | undefined {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i]!;
      if (rule.commandName !== commandName || !rule.matches(input)) continue;
      const decision = rule.take();
      if (decision) return decision;
    }
    return undefined;
  }

  get isEmpty(): boolean {
    return this.rules.length === 0;
  }

  clear(): void {
    this.rules = [];
  }
}
