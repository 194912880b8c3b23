import type { OperationContext } from '../operation-handler';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { stoppedBy, type InvocationChain } from './invocation-chain';
import { runInvocation } from './run-invocation';

/**
 * An asynchronous invoke the service itself makes, once the command that caused it committed: a
 * Lambda destination invoked with an invocation record.
 *
 * @example
 * ```ts
 * const invocation: ServiceInvocation = { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:audit', payload: '{}', chain: NEW_CHAIN };
 * ```
 */
export interface ServiceInvocation {
  /** The destination: a function of the account and region that delivered, maybe with a version or alias. */
  readonly functionArn: string;
  /** The invocation record, as JSON text. */
  readonly payload: string;
  /** The chain of requests so far, the invocation that delivered included. */
  readonly chain: InvocationChain;
}

/**
 * Invokes a Lambda destination as the service does: an `Event` invoke with its own request id, which
 * runs what the function runs (the queue/echo, or its own code after this command), retries and
 * delivers to its own destinations in turn. Recursive loop detection stops it first when the chain
 * invoked the function too often; lambda-mock's bound (`MAX_CHAIN_LENGTH`) stops any chain. A
 * function that cannot be invoked (deleted, not active, the record too large) throws its service
 * error: the delivery fails, as the service's `DestinationDeliveryFailures` metric counts it.
 */
export function invokeDestination(ctx: OperationContext, invocation: ServiceInvocation): void {
  const fn = getFunctionState(ctx, parseFunctionName(ctx, invocation.functionArn));
  if (stoppedBy(invocation.chain, fn.name, fn.recursiveLoop) !== undefined) return;
  runInvocation(ctx, { FunctionName: invocation.functionArn, Payload: invocation.payload, InvocationType: 'Event' }, invocation.chain);
}
