// A second test file: it gets its own mock, started from the same seed.
const { DeleteFunctionCommand, LambdaClient, ListFunctionsCommand } = require('@aws-sdk/client-lambda');
const { lambda } = require('lambda-mock/jest');

const client = new LambdaClient({ region: 'us-east-1' });

test('a test may change the state…', async () => {
  await client.send(new DeleteFunctionCommand({ FunctionName: 'payments' }));
  expect(lambda).not.toHaveFunction('payments');
  expect(lambda).toHaveReceivedCommandWith(DeleteFunctionCommand, { FunctionName: 'payments' });
});

test('…and the next one starts from the seed regardless', async () => {
  const { Functions } = await client.send(new ListFunctionsCommand({}));
  expect(Functions.map((fn) => fn.FunctionName)).toEqual(['payments']);
});
