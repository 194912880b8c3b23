// The code under test: charges an order through the `payments` function.
const { InvokeCommand } = require('@aws-sdk/client-lambda');

class PaymentDeclinedError extends Error {}

async function checkout(client, order) {
  const answer = await client.send(new InvokeCommand({ FunctionName: 'payments', Qualifier: '1', Payload: JSON.stringify(order) }));
  const body = JSON.parse(answer.Payload.transformToString());
  if (answer.FunctionError) throw new PaymentDeclinedError(body.errorMessage);
  return body;
}

module.exports = { checkout, PaymentDeclinedError };
