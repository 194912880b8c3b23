import * as sdk from '@aws-sdk/client-lambda';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { allOperationSpecs, allShapeSpecs } from '../../lib/model/extra-operations';
import { errorSpecs } from '../../lib/model/lambda-model.generated';
import { handlers } from '../../lib/operations/registry';
import { Transaction } from '../../lib/store/store';
import type { LambdaMock, LambdaSnapshot } from '../../lib';
import { REGION } from '../helpers/fixtures';

/** Errors any operation may answer besides its declared ones: a failed constraint, an unreadable body, a body too large. */
export const UNDECLARED_ERRORS = ['ValidationException', 'InvalidRequestContentException', 'RequestEntityTooLargeException'] as const;
const UNDECLARED_STATUS: Record<string, number> = { ValidationException: 400, InvalidRequestContentException: 400, RequestEntityTooLargeException: 413 };

/**
 * Answers the real service gives outside an operation's declared errors, recorded from AWS: right
 * answers, not deviations (known-deviations.spec.ts asserts each one exactly).
 */
export const SERVICE_UNDECLARED_ANSWERS: readonly { readonly operation: string; readonly error: string; readonly message: RegExp }[] = [
  // localstack's AWS-validated test_layer_exceptions snapshot (recorded 2024-03-12): VersionNumber -1 answers this 400.
  { operation: 'DeleteLayerVersion', error: 'InvalidParameterValueException', message: /^Layer Version Cannot be less than 1$/ },
];

/** Any command class of the SDK (each takes its own input type; generated inputs are of no type). */
type CommandClass = new (input: never) => object;

/** Every operation registered now that the SDK has a command for, by name (the registry grows as work lands). */
export function registeredOperations(): { operation: string; Command: CommandClass }[] {
  const commands = sdk as unknown as Record<string, CommandClass | undefined>;
  return Object.keys(handlers)
    .sort()
    .flatMap((operation) => {
      const Command = commands[`${operation}Command`];
      return Command ? [{ operation, Command }] : [];
    });
}

/** The labels of an operation's route: without them the SDK refuses to send the request at all. */
const labelsOf = (operation: string): string[] => {
  const input = allOperationSpecs[operation]?.input;
  const members = input ? (allShapeSpecs[input]?.members ?? {}) : {};
  return Object.keys(members).filter((m) => members[m]!.location === 'label');
};

export type Outcome = { ok: true; value: Record<string, unknown> } | { ok: false; error: Error & Record<string, unknown> };

/** A command that neither answers nor fails in this long has hung (nothing here waits on a timer). */
const HANG_MS = 10_000;

/** Sends one command, and never waits forever: a hang becomes a failure naming the command. */
export async function sendOnce(client: LambdaClient, Command: CommandClass, input: unknown): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HangError()), HANG_MS);
  });
  try {
    const value = (await Promise.race([client.send(new Command(input as never) as Parameters<LambdaClient['send']>[0]), hang])) as unknown as Record<string, unknown>;
    return { ok: true, value };
  } catch (error) {
    if (error instanceof HangError) throw error;
    return { ok: false, error: error as Error & Record<string, unknown> };
  } finally {
    clearTimeout(timer);
  }
}

class HangError extends Error {
  constructor() {
    super(`the command neither answered nor failed within ${HANG_MS} ms`);
  }
}

const SUSPICIOUS = /\bundefined\b|\bNaN\b|\[object Object\]|lambda-mock internal error/;

/** Whether `input` mentions a word (so that an error message may repeat it). */
const mentions = (input: unknown, word: string): boolean => {
  try {
    return JSON.stringify(input, (_k, v: unknown) => (v instanceof Uint8Array ? '' : v))?.includes(word) ?? false;
  } catch {
    return false;
  }
};

/**
 * What is wrong with an answer, or `undefined` when it is one the service could give: a success
 * with a 2xx status, or one of the operation's declared errors (or `ValidationException`,
 * `InvalidRequestContentException`, `RequestEntityTooLargeException`, or one of
 * SERVICE_UNDECLARED_ANSWERS) with the status and fault the model gives it and a message that does
 * not leak `undefined`/`NaN`/`[object Object]`. A `ServiceException` (500) is never right: the real
 * service answers it for its own failures only, and lambda-mock answers it when a handler crashed.
 * The SDK's own refusal of a missing HTTP label is right when the label is missing.
 */
export function problemWith(operation: string, input: unknown, outcome: Outcome): string | undefined {
  if (outcome.ok) {
    const { value } = outcome;
    if (value === null || typeof value !== 'object') return `answered ${String(value)} instead of an output object`;
    const status = (value.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode;
    if (typeof status !== 'number' || status < 200 || status > 299) return `answered success with HTTP status ${status}`;
    return undefined;
  }
  const { error } = outcome;
  if (!(error instanceof Error)) return `threw a non-Error: ${String(error)}`;
  const label = /^No value provided for input HTTP label: (\w+)\.$/.exec(error.message);
  if (label && error.constructor === Error) {
    const missing = labelsOf(operation).some((l) => l === label[1] && (input as Record<string, unknown> | undefined)?.[l] == null);
    return missing ? undefined : `refused a label that is present: ${error.message}`;
  }
  const declared = allOperationSpecs[operation]!.errors.filter((e) => e !== 'ServiceException');
  const recorded = SERVICE_UNDECLARED_ANSWERS.filter((a) => a.operation === operation && a.message.test(error.message)).map((a) => a.error);
  const allowed: readonly string[] = [...declared, ...UNDECLARED_ERRORS, ...recorded];
  if (!allowed.includes(error.name)) return `failed with ${error.name} (${error.constructor.name}): ${error.message}`;
  const status = (error.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode;
  const expectedStatus = errorSpecs[error.name]?.status ?? UNDECLARED_STATUS[error.name];
  if (status !== expectedStatus) return `${error.name} with HTTP status ${status}, not ${expectedStatus}`;
  if (error.$fault !== (status! >= 500 ? 'server' : 'client')) return `${error.name} with $fault ${String(error.$fault)}`;
  if (typeof error.message !== 'string' || error.message === '') return `${error.name} without a message`;
  const leak = SUSPICIOUS.exec(error.message);
  if (leak && !mentions(input, leak[0])) return `${error.name} whose message leaks "${leak[0]}": ${error.message}`;
  return undefined;
}

/**
 * Answers found outside an operation's declared errors that are reported and not yet decided: the
 * generic fuzzing tolerates exactly these (so that it keeps hunting for others), and
 * known-deviations.spec.ts holds one `test.failing` per entry, to flip once it is fixed.
 */
export const KNOWN_DEVIATIONS: readonly { readonly operation: string; readonly error: string; readonly message: RegExp }[] = [];

/** Whether an answer is one of the known deviations above. */
export const isKnownDeviation = (operation: string, outcome: Outcome): boolean =>
  !outcome.ok && KNOWN_DEVIATIONS.some((d) => d.operation === operation && d.error === outcome.error.name && d.message.test(outcome.error.message));

/**
 * Counts the store's mutation points (a collection written, an invoke result taken) while it is
 * armed, and can make the N-th one fail — a handler failing halfway through its changes — either
 * before the change is made or just after it (the change is then in the transaction, uncommitted).
 */
export class MutationProbe {
  count = 0;
  failAt = 0;
  /** Whether the `failAt`-th point fails after its change rather than before it. */
  failAfter = false;
  private readonly originals: { write: Transaction['write']; takeInvokeResult: Transaction['takeInvokeResult'] };

  constructor() {
    const probe = this;
    const proto = Transaction.prototype;
    this.originals = { write: proto.write, takeInvokeResult: proto.takeInvokeResult };
    const { write, takeInvokeResult } = this.originals;
    proto.write = function (this: Transaction, ...args: Parameters<Transaction['write']>) {
      probe.point();
      write.apply(this, args);
      probe.pointDone();
    } as Transaction['write'];
    proto.takeInvokeResult = function (this: Transaction) {
      probe.point();
      const taken = takeInvokeResult.apply(this);
      probe.pointDone();
      return taken;
    };
  }

  /** Starts counting anew, failing at the `failAt`-th point (0: never), before its change or, with `after`, just after it. */
  arm(failAt = 0, after = false): void {
    this.count = 0;
    this.failAt = failAt;
    this.failAfter = after;
  }

  private point(): void {
    this.count++;
    if (!this.failAfter && this.failAt > 0 && this.count === this.failAt) throw new Error('injected failure halfway through the command');
  }

  private pointDone(): void {
    if (this.failAfter && this.failAt > 0 && this.count === this.failAt) throw new Error('injected failure halfway through the command, after a change');
  }

  remove(): void {
    Object.assign(Transaction.prototype, this.originals);
  }
}

/** The store as a string: two equal strings are two equal stores. */
export const storeOf = (lambda: LambdaMock): string => JSON.stringify(lambda.snapshot());

/**
 * Whether the store is still `before` (a string of `storeOf`). The store is immutable, so the same
 * objects mean the same store, which is checked first; else the two are compared in full.
 */
export function storeIs(lambda: LambdaMock, before: { readonly text: string; readonly regions: unknown; readonly queue: unknown }): boolean {
  if (lambda.state.regions === before.regions && lambda.state.accountInvokeResults() === before.queue) return true;
  return storeOf(lambda) === before.text;
}

/** What `storeIs` compares against: the store now. */
export const storeNow = (lambda: LambdaMock) => ({ text: storeOf(lambda), regions: lambda.state.regions, queue: lambda.state.accountInvokeResults() });

/** A client that tries once: a retryable answer is itself the answer under test. */
export const oneAttemptClient = (): LambdaClient => new LambdaClient({ region: REGION, maxAttempts: 1 });
