// A service that charges orders through the `payments` function's `live` alias. A function that
// fails does not make the SDK throw: the answer carries `FunctionError`, and the service turns it
// into its own error. A throttled call is reported as something to retry.
import { InvokeCommand, TooManyRequestsException, type LambdaClient } from '@aws-sdk/client-lambda';

export interface Order {
  readonly orderId: number;
  readonly amount: number;
}

export type Charge = { readonly status: 'charged'; readonly receipt: string } | { readonly status: 'retry-later' };

/** The payments function failed: its own error type and message, and whether it handled the error. */
export class PaymentError extends Error {
  override readonly name = 'PaymentError';

  constructor(
    readonly errorType: string,
    message: string,
    readonly handled: boolean,
  ) {
    super(message);
  }
}

export class PaymentService {
  constructor(
    private readonly client: LambdaClient,
    private readonly functionName = 'payments',
  ) {}

  async charge(order: Order): Promise<Charge> {
    let answer;
    try {
      answer = await this.client.send(new InvokeCommand({ FunctionName: this.functionName, Qualifier: 'live', Payload: JSON.stringify(order) }));
    } catch (error) {
      if (error instanceof TooManyRequestsException) return { status: 'retry-later' };
      throw error;
    }
    const body = JSON.parse(answer.Payload?.transformToString() ?? 'null') as Record<string, string>;
    if (answer.FunctionError) {
      throw new PaymentError(body.errorType ?? 'Error', body.errorMessage ?? 'the payments function failed', answer.FunctionError === 'Handled');
    }
    return { status: 'charged', receipt: body.receipt ?? '' };
  }
}
