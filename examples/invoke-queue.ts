/**
 * The invoke-results queue: what a test of code that invokes Lambda needs (run by `npm run example`).
 */
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { mockLambda } from 'lambda-mock';

/** The code under test: charges an order through a Lambda function and reports what happened. */
async function chargeOrder(client: LambdaClient, orderId: number): Promise<string> {
  const answer = await client.send(new InvokeCommand({ FunctionName: 'payments', Payload: JSON.stringify({ orderId }) }));
  const body = answer.Payload?.transformToString() ?? '';
  return answer.FunctionError ? `order ${orderId} failed (${answer.FunctionError}): ${body}` : `order ${orderId}: ${body}`;
}

async function main(): Promise<void> {
  const lambda = mockLambda();
  try {
    const client = new LambdaClient({ region: 'us-east-1', maxAttempts: 1 });
    await client.send(
      new CreateFunctionCommand({
        FunctionName: 'payments',
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::123456789012:role/payments',
        Code: { ZipFile: zipSync({ 'index.js': strToU8('exports.handler = async (e) => e;') }) },
      }),
    );

    console.log(await chargeOrder(client, 1)); // nothing queued: the payload is echoed back
    lambda.setInvokeResults([
      '{"status":"charged"}',
      { payload: '{"errorType":"CardDeclined","errorMessage":"card declined"}', functionError: 'Unhandled', logs: 'declined by issuer' },
    ]);
    console.log(`queued for every region: ${lambda.state.accountInvokeResults().size}`);
    console.log(await chargeOrder(client, 2));
    console.log(await chargeOrder(client, 3));
    console.log(`invocations recorded: ${lambda.invocations('payments').map((i) => i.payload).join(', ')}`);
  } finally {
    lambda.restore();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
