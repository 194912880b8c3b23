/**
 * One invocation lambda-mock answered, as `lambda.invocations()` lists it.
 *
 * @example
 * ```ts
 * const [first] = lambda.invocations('orders');
 * expect(JSON.parse(first!.payload)).toEqual({ id: 1 });
 * ```
 */
export interface LambdaInvocation {
  readonly functionName: string;
  /** The qualifier the request named (version or alias), if any. */
  readonly qualifier?: string;
  /** The version that ran: `$LATEST` or a number. */
  readonly executedVersion: string;
  readonly invocationType: 'RequestResponse' | 'Event' | 'DryRun';
  /** The request payload, as text. */
  readonly payload: string;
  /** What a synchronous invoke answered; `Event` and `DryRun` invokes have none. */
  readonly result?: {
    readonly payload: string;
    readonly functionError?: 'Handled' | 'Unhandled';
    readonly logs?: string;
  };
  readonly requestId: string;
  readonly region: string;
  readonly accountId: string;
}
