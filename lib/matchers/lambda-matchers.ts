import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { LambdaCall } from '../backend/lambda-call';
import type { LambdaInvocation } from '../invoke/invocation';
import type { CommandClass, LambdaMock } from '../mock-lambda';
import type { FunctionState } from '../store/records';
import type { MatcherContext, MatcherResult } from './matcher-context';
import type { FunctionLocation, InvokedWith } from './matcher-types';
import { matchesPartial, subsetOf } from './partial-match';

/** How many non-matching invocations or calls a failure shows a diff for. */
const SHOWN = 3;

/** What the matchers read of the received value. */
type ReceivedMock = Pick<LambdaMock, 'invocations' | 'calls' | 'state'>;

function mockOf(matcher: string, received: unknown): ReceivedMock {
  const candidate = received as Partial<ReceivedMock> | null;
  if (candidate !== null && typeof candidate === 'object' && typeof candidate.invocations === 'function' && Array.isArray(candidate.calls) && candidate.state) {
    return candidate as ReceivedMock;
  }
  throw new TypeError(`lambda-mock: expect(received).${matcher}(): received must be the object mockLambda() returns, such as \`lambda\` from 'lambda-mock/jest'`);
}

const quote = (name: string): string => JSON.stringify(name);
const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** Names and counts, as `"a" (2), "b" (1)` (`a (2), b (1)` for names that need no quotes). */
function tally(names: readonly string[], show: (name: string) => string = quote): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => `${show(name)} (${count})`).join(', ');
}

/** A diff per non-matching item, the first few only. */
function diffs<T>(ctx: MatcherContext, items: readonly T[], label: (item: T, index: number) => string, expected: (item: T) => unknown, received: (item: T) => unknown): string {
  const shown = items.slice(0, SHOWN).map((item, i) => `${label(item, i)}:\n${ctx.utils.diff(expected(item), received(item)) ?? `  ${ctx.utils.printReceived(received(item))}`}`);
  if (items.length > SHOWN) shown.push(`…and ${items.length - SHOWN} more`);
  return shown.join('\n\n');
}

/** A payload as an assertion sees it: parsed when it is JSON, else its text. */
function payloadValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function invocationMatches(ctx: MatcherContext, invocation: LambdaInvocation, expected: InvokedWith): boolean {
  if ('qualifier' in expected && invocation.qualifier !== expected.qualifier) return false;
  if (!('payload' in expected)) return true;
  return ctx.equals(invocation.payload, expected.payload) || ctx.equals(payloadValue(invocation.payload), expected.payload);
}

/** The parts of an invocation an expectation names, to diff against it. */
function invocationView(invocation: LambdaInvocation, expected: InvokedWith): unknown {
  const keys = Object.keys(expected);
  if (keys.length === 1 && keys[0] === 'payload') return payloadValue(invocation.payload);
  const view: Record<string, unknown> = {};
  if ('payload' in expected) view.payload = payloadValue(invocation.payload);
  if ('qualifier' in expected) view.qualifier = invocation.qualifier;
  return view;
}

const expectationView = (expected: InvokedWith): unknown => {
  const keys = Object.keys(expected);
  return keys.length === 1 && keys[0] === 'payload' ? expected.payload : expected;
};

function describeExpectation(ctx: MatcherContext, expected: InvokedWith): string {
  const parts: string[] = [];
  if ('payload' in expected) parts.push(`payload ${ctx.utils.printExpected(expected.payload)}`);
  if ('qualifier' in expected) parts.push(`qualifier ${ctx.utils.printExpected(expected.qualifier)}`);
  return parts.length > 0 ? ` with ${parts.join(' and ')}` : '';
}

function toHaveInvoked(this: MatcherContext, received: unknown, functionName: string, expected: InvokedWith = {}): MatcherResult {
  const lambda = mockOf('toHaveInvoked', received);
  const all = lambda.invocations();
  const invocations = all.filter((i) => i.functionName === functionName);
  const matching = invocations.findIndex((i) => invocationMatches(this, i, expected));
  const pass = matching >= 0;
  const hasExpectation = Object.keys(expected).length > 0;
  const hint = this.utils.matcherHint('toHaveInvoked', 'lambda', quote(functionName), {
    isNot: this.isNot,
    promise: this.promise,
    ...(hasExpectation ? { secondArgument: 'expected' } : {}),
  });
  const what = `an invocation of ${quote(functionName)}${describeExpectation(this, expected)}`;
  const message = (): string => {
    if (pass) {
      const found = invocations[matching]!;
      return `${hint}\n\nExpected: no ${what.slice(3)}\nReceived: invocation ${matching + 1} of ${invocations.length}, payload ${this.utils.printReceived(payloadValue(found.payload))}`;
    }
    if (invocations.length === 0) {
      const others = all.length > 0 ? `; invoked: ${tally(all.map((i) => i.functionName))}` : '; no function was invoked';
      return `${hint}\n\nExpected: ${what}\nReceived: no invocation of ${quote(functionName)}${others}`;
    }
    return (
      `${hint}\n\nExpected: ${what}\nReceived: ${plural(invocations.length, 'invocation')} of ${quote(functionName)}, none matching\n\n` +
      diffs(this, invocations, (_, i) => `Invocation ${i + 1}`, () => expectationView(expected), (i) => invocationView(i, expected))
    );
  };
  return { pass, message };
}

function toHaveInvokedTimes(this: MatcherContext, received: unknown, functionName: string, times: number): MatcherResult {
  const lambda = mockOf('toHaveInvokedTimes', received);
  if (!Number.isInteger(times) || times < 0) throw new TypeError(`lambda-mock: toHaveInvokedTimes() expects a whole number of invocations, not ${String(times)}`);
  const count = lambda.invocations(functionName).length;
  const pass = count === times;
  const hint = this.utils.matcherHint('toHaveInvokedTimes', 'lambda', `${quote(functionName)}, expected`, { isNot: this.isNot, promise: this.promise });
  const message = (): string =>
    `${hint}\n\nExpected number of invocations: ${this.isNot ? 'not ' : ''}${this.utils.printExpected(times)}\n` +
    `Received number of invocations: ${this.utils.printReceived(count)}`;
  return { pass, message };
}

interface StoredFunction {
  readonly fn: FunctionState;
  readonly accountId: string;
  readonly region: string;
}

function storedFunctions(lambda: ReceivedMock, where: FunctionLocation): StoredFunction[] {
  const found: StoredFunction[] = [];
  for (const region of lambda.state.regions.values()) {
    if (where.region !== undefined && region.region !== where.region) continue;
    if (where.accountId !== undefined && region.accountId !== where.accountId) continue;
    for (const fn of region.functions.values()) found.push({ fn, accountId: region.accountId, region: region.region });
  }
  return found;
}

const placeOf = (stored: StoredFunction): string => `${stored.region} (account ${stored.accountId})`;

function toHaveFunction(
  this: MatcherContext,
  received: unknown,
  functionName: string,
  configuration?: Partial<FunctionConfiguration>,
  where: FunctionLocation = {},
): MatcherResult {
  const lambda = mockOf('toHaveFunction', received);
  const stored = storedFunctions(lambda, where);
  const named = stored.filter((s) => s.fn.name === functionName);
  const latest = (s: StoredFunction): unknown => s.fn.latest.configuration;
  const matching = configuration === undefined ? named[0] : named.find((s) => matchesPartial(latest(s), configuration, (a, b) => this.equals(a, b)));
  const pass = matching !== undefined;
  const hint = this.utils.matcherHint('toHaveFunction', 'lambda', quote(functionName), {
    isNot: this.isNot,
    promise: this.promise,
    ...(configuration !== undefined ? { secondArgument: 'expected' } : {}),
  });
  const scope = where.region !== undefined ? ` in ${where.region}` : '';
  const withConfiguration = configuration !== undefined ? ` with a configuration matching ${this.utils.printExpected(configuration)}` : '';
  const what = `a function named ${quote(functionName)}${scope}${withConfiguration}`;
  const message = (): string => {
    if (pass) {
      const shown = configuration === undefined ? '' : `\n\n${this.utils.printReceived(subsetOf(latest(matching), configuration))}`;
      return `${hint}\n\nExpected: no ${what.slice(2)}\nReceived: ${quote(functionName)} in ${placeOf(matching)}${shown}`;
    }
    if (named.length === 0) {
      const others = stored.length > 0 ? `; stored${scope}: ${stored.map((s) => `${quote(s.fn.name)} (${s.region})`).join(', ')}` : `; no function is stored${scope}`;
      return `${hint}\n\nExpected: ${what}\nReceived: none${others}`;
    }
    return (
      `${hint}\n\nExpected: ${what}\nReceived: ${plural(named.length, 'function')} named ${quote(functionName)}, none matching\n\n` +
      diffs(this, named, (s) => `In ${placeOf(s)}`, () => configuration, (s) => subsetOf(latest(s), configuration))
    );
  };
  return { pass, message };
}

function toHaveReceivedCommandWith(this: MatcherContext, received: unknown, command: CommandClass, input: object): MatcherResult {
  const lambda = mockOf('toHaveReceivedCommandWith', received);
  if (typeof command !== 'function') throw new TypeError('lambda-mock: toHaveReceivedCommandWith() expects a command class, such as GetFunctionCommand');
  const calls: readonly LambdaCall[] = lambda.calls.filter((call) => call.commandName === command.name);
  const matching = calls.findIndex((call) => matchesPartial(call.input, input, (a, b) => this.equals(a, b)));
  const pass = matching >= 0;
  const hint = this.utils.matcherHint('toHaveReceivedCommandWith', 'lambda', command.name, { isNot: this.isNot, promise: this.promise, secondArgument: 'expected' });
  const what = `${command.name} with an input matching ${this.utils.printExpected(input)}`;
  const article = /^[AEIOU]/.test(command.name) ? 'an' : 'a';
  const message = (): string => {
    if (pass) {
      return `${hint}\n\nExpected: no ${what}\nReceived: call ${matching + 1} of ${calls.length}: ${this.utils.printReceived(subsetOf(calls[matching]!.input, input))}`;
    }
    if (calls.length === 0) {
      const others = lambda.calls.length > 0 ? `; received: ${tally(lambda.calls.map((call) => call.commandName), String)}` : '; no command was received';
      return `${hint}\n\nExpected: ${article} ${what}\nReceived: no ${command.name}${others}`;
    }
    return (
      `${hint}\n\nExpected: ${article} ${what}\nReceived: ${plural(calls.length, `${command.name} call`)}, none matching\n\n` +
      diffs(this, calls, (_, i) => `Call ${i + 1}`, () => input, (call) => subsetOf(call.input, input))
    );
  };
  return { pass, message };
}

/**
 * lambda-mock's matchers, one implementation for jest and vitest: `expect.extend(lambdaMatchers)`
 * (`lambda-mock/jest` and `lambda-mock/vitest` do it for you). Failures explain what was stored or
 * invoked instead, with a diff as jest's own matchers give.
 *
 * @example
 * ```ts
 * import { lambdaMatchers } from 'lambda-mock';
 * expect.extend(lambdaMatchers);
 * expect(lambda).toHaveInvoked('orders', { payload: { id: 1 } });
 * ```
 */
export const lambdaMatchers = { toHaveInvoked, toHaveInvokedTimes, toHaveFunction, toHaveReceivedCommandWith };
