const { LambdaClient } = require('@aws-sdk/client-lambda');
const { lambda } = require('lambda-mock/jest');
const { checkout, PaymentDeclinedError } = require('./checkout');

const client = new LambdaClient({ region: 'us-east-1' });

test('the seeded function is there', () => {
  expect(lambda).toHaveFunction('payments', { Runtime: 'nodejs22.x', Environment: { Variables: { CURRENCY: 'EUR' } } });
  expect(lambda.state.function('payments').versions).toHaveLength(1);
});

test('a charged order', async () => {
  lambda.setInvokeResults(['{"status":"charged"}']);
  await expect(checkout(client, { orderId: 1, amount: 25 })).resolves.toEqual({ status: 'charged' });
  expect(lambda).toHaveInvoked('payments', { payload: { orderId: 1, amount: 25 }, qualifier: '1' });
});

test('a declined card is reported by the function, not thrown by the SDK', async () => {
  lambda.setInvokeResults([{ payload: '{"errorType":"CardDeclined","errorMessage":"card declined"}', functionError: 'Unhandled' }]);
  await expect(checkout(client, { orderId: 2, amount: 99 })).rejects.toThrow(new PaymentDeclinedError('card declined'));
});

test('each test starts from the seed again: no invocation, nothing queued', () => {
  expect(lambda).toHaveInvokedTimes('payments', 0);
  expect(lambda.state.accountInvokeResults().size).toBe(0);
});
