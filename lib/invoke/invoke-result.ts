/**
 * What one invoke answers when it is taken from the queue (`lambda.setInvokeResults`): a string is
 * the payload; an object can also report a function error and the function's log lines.
 *
 * @example
 * ```ts
 * lambda.setInvokeResults(['{"ok":true}', { payload: '{"errorMessage":"boom"}', functionError: 'Unhandled' }]);
 * ```
 */
export type InvokeResult =
  | string
  | {
      readonly payload: string | Uint8Array;
      /** As the service reports it in `FunctionError`: `Handled` or `Unhandled`. */
      readonly functionError?: 'Handled' | 'Unhandled';
      /** Lines the function logged, shown in `LogResult` with `LogType: 'Tail'`. */
      readonly logs?: string;
    };

/** A queued result in the store's form (strings only, so that nothing can change it in place). */
export interface StoredInvokeResult {
  readonly payload: string;
  readonly functionError?: 'Handled' | 'Unhandled';
  readonly logs?: string;
}

const text = (payload: string | Uint8Array): string =>
  typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8');

/** The store's form of a result a user queued. */
export function storedResult(result: InvokeResult): StoredInvokeResult {
  if (typeof result === 'string') return { payload: result };
  if (result === null || typeof result !== 'object' || (typeof result.payload !== 'string' && !(result.payload instanceof Uint8Array))) {
    throw new TypeError('lambda-mock: an invoke result is a string or { payload: string | Uint8Array, functionError?, logs? }');
  }
  if (result.functionError !== undefined && result.functionError !== 'Handled' && result.functionError !== 'Unhandled') {
    throw new TypeError(`lambda-mock: functionError is 'Handled' or 'Unhandled', not ${String(result.functionError)}`);
  }
  return {
    payload: text(result.payload),
    ...(result.functionError ? { functionError: result.functionError } : {}),
    ...(result.logs !== undefined ? { logs: String(result.logs) } : {}),
  };
}
