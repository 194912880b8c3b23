import { entryOf, withEntry } from '../../util/name-map';

/**
 * The chain of requests an asynchronous invocation belongs to: Lambda destinations invoking functions
 * with the records of earlier ones (A → B → C). The service's recursive loop detection counts, per
 * function, how often the same triggering event invoked it.
 */
export interface InvocationChain {
  /** How many invocations of each function (by name) the chain holds so far. */
  readonly counts: Readonly<Record<string, number>>;
  /** Every invocation in the chain so far, stopped ones included. */
  readonly length: number;
}

/**
 * The service stops the next invocation of a function that the same chain invoked more than this
 * many times, when its recursion config is `Terminate` (the default).
 */
export const RECURSIVE_INVOCATION_LIMIT = 16;

/**
 * The most invocations lambda-mock lets one chain hold, whatever the functions' recursion configs:
 * `Allow` lets a loop run forever in AWS; a test must end. Past it, the next destination is not invoked.
 */
export const MAX_CHAIN_LENGTH = 64;

/** A chain started by a caller's own invoke: nothing before it. */
export const NEW_CHAIN: InvocationChain = { counts: {}, length: 0 };

/** `chain` once it invoked `functionName` once more. */
export function chainWith(chain: InvocationChain, functionName: string): InvocationChain {
  return { counts: withEntry(chain.counts, functionName, (entryOf(chain.counts, functionName) ?? 0) + 1), length: chain.length + 1 };
}

/**
 * Why the service would not run the next invocation of a function in `chain`: a detected loop (its
 * recursion config `Terminate`), lambda-mock's own bound, or `undefined` when it runs.
 */
export function stoppedBy(chain: InvocationChain, functionName: string, recursiveLoop: string | undefined): 'recursion' | 'bound' | undefined {
  if (chain.length >= MAX_CHAIN_LENGTH) return 'bound';
  const terminates = (recursiveLoop ?? 'Terminate') === 'Terminate';
  return terminates && (entryOf(chain.counts, functionName) ?? 0) >= RECURSIVE_INVOCATION_LIMIT ? 'recursion' : undefined;
}
