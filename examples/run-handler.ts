/**
 * Running a function's real code in process (run by `npm run example`): the uploaded zip in
 * `execute: 'code'` mode, and a handler registered with `setHandler`, each with a real Lambda context.
 */
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { mockLambda, type LambdaContext } from 'lambda-mock';

const ROLE = 'arn:aws:iam::123456789012:role/orders';

/** The function's source, as it would be deployed: an ES module handler that reads its environment and logs. */
const SOURCE = `
export const handler = async (event, context) => {
  console.log('pricing order', event.orderId);
  if (event.quantity <= 0) throw new RangeError('quantity must be positive');
  return { orderId: event.orderId, total: event.quantity * Number(process.env.UNIT_PRICE), by: context.functionName };
};`;

async function invoke(client: LambdaClient, functionName: string, event: object): Promise<string> {
  const out = await client.send(new InvokeCommand({ FunctionName: functionName, Payload: JSON.stringify(event), LogType: 'Tail' }));
  const body = out.Payload?.transformToString() ?? '';
  const log = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8').split('\n').find((line) => line.includes('\tINFO\t'));
  return `${out.FunctionError ? `FunctionError ${out.FunctionError}: ` : ''}${body}${log ? `\n  log: ${log.split('\t').slice(2).join(' ')}` : ''}`;
}

async function main(): Promise<void> {
  const lambda = mockLambda({ execute: 'code' });
  try {
    const client = new LambdaClient({ region: 'us-east-1', maxAttempts: 1 });
    await client.send(
      new CreateFunctionCommand({
        FunctionName: 'pricing',
        Runtime: 'nodejs22.x',
        Handler: 'src/pricing.handler',
        Role: ROLE,
        Environment: { Variables: { UNIT_PRICE: '5' } },
        Code: { ZipFile: zipSync({ 'src/pricing.mjs': strToU8(SOURCE) }) },
      }),
    );
    console.log(await invoke(client, 'pricing', { orderId: 1, quantity: 3 })); // the zip's own code runs
    console.log(await invoke(client, 'pricing', { orderId: 2, quantity: 0 })); // its error, as the runtime reports it

    // A handler of your own instead of the code, for one function.
    lambda.setHandler('pricing', async (event: { orderId: number }, context: LambdaContext) => ({
      orderId: event.orderId,
      stub: true,
      requestId: context.awsRequestId.length,
    }));
    console.log(await invoke(client, 'pricing', { orderId: 3, quantity: 1 }));
  } finally {
    lambda.restore();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
