import { LambdaClient, PutFunctionConcurrencyCommand } from '@aws-sdk/client-lambda';
import { lambda } from 'lambda-mock/jest';
import { deploy } from '../src/deploy';
import { PaymentError, PaymentService } from '../src/payment-service';

const client = new LambdaClient({ region: 'us-east-1' });
const payments = new PaymentService(client);

beforeEach(async () => {
  await deploy(client, { functionName: 'payments', role: 'arn:aws:iam::123456789012:role/payments', bucket: 'builds', key: 'payments.zip' });
});

test('a charged order', async () => {
  lambda.setInvokeResults(['{"receipt":"r-1"}']);

  await expect(payments.charge({ orderId: 1, amount: 25 })).resolves.toEqual({ status: 'charged', receipt: 'r-1' });
  expect(lambda).toHaveInvoked('payments', { payload: { orderId: 1, amount: 25 }, qualifier: 'live' });
  expect(lambda.invocations('payments')[0]?.executedVersion).toBe('1');
});

test("the function's own error becomes a PaymentError", async () => {
  lambda.setInvokeResults([
    { payload: '{"errorType":"CardDeclined","errorMessage":"card declined"}', functionError: 'Unhandled', logs: 'declined by issuer' },
  ]);

  const error = await payments.charge({ orderId: 2, amount: 99 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PaymentError);
  expect(error).toMatchObject({ errorType: 'CardDeclined', message: 'card declined', handled: false });
});

test('a throttled function asks the caller to retry later', async () => {
  await client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'payments', ReservedConcurrentExecutions: 0 }));

  await expect(payments.charge({ orderId: 3, amount: 5 })).resolves.toEqual({ status: 'retry-later' });
  expect(lambda).toHaveInvokedTimes('payments', 0);
});
