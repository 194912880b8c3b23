/** The part of an `AbortSignal` the SDK reads (the DOM `AbortSignal` and the SDK's own type both fit). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  onabort?: ((this: AbortSignalLike, event: never) => unknown) | null;
  addEventListener?(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener?(type: 'abort', listener: () => void): void;
}

/**
 * The error a request cancelled by its `abortSignal` rejects with, built as the SDK's Node.js HTTP
 * handler builds it: named `AbortError`, worded `Request aborted` with the signal's reason as `cause`
 * when the reason is an `Error` (as `controller.abort()` gives), else worded as the reason.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * controller.abort();
 * abortError(controller.signal); // AbortError: Request aborted (cause: the DOMException)
 * ```
 */
export function abortError(signal: AbortSignalLike | undefined): Error {
  const reason = signal?.reason;
  if (reason instanceof Error) return Object.assign(new Error('Request aborted'), { name: 'AbortError', cause: reason });
  return Object.assign(new Error(reason ? String(reason) : 'Request aborted'), { name: 'AbortError' });
}

/**
 * Waits `ms` milliseconds with the global `setTimeout` of the moment it is called, so that jest's and
 * vitest's fake timers control it; rejects with `abortError(signal)` as soon as `signal` aborts.
 *
 * @example
 * ```ts
 * await sleep(decision.delayMs, abortSignal); // server mode and the middleware wait the same way
 * ```
 */
export function sleep(ms: number, signal?: AbortSignalLike): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener?.('abort', onAbort);
      resolve();
    }, ms);
    if (!signal) return;
    if (typeof signal.addEventListener === 'function') signal.addEventListener('abort', onAbort, { once: true });
    else signal.onabort = onAbort;
  });
}
