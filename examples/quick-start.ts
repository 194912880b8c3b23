/**
 * A stateful Lambda in the test process, driven through the real SDK (run by `npm run example`).
 * Nothing here reaches the network, and no credentials are configured.
 */
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  ResourceNotFoundException,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { mockLambda } from 'lambda-mock';

async function main(): Promise<void> {
  const lambda = mockLambda({ settle: 'on-read' }); // transitions complete when read, as AWS enforces them
  try {
    const client = new LambdaClient({ region: 'eu-west-1' });
    const created = await client.send(
      new CreateFunctionCommand({
        FunctionName: 'orders',
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::123456789012:role/orders',
        Code: { ZipFile: zipSync({ 'index.js': strToU8('exports.handler = async () => ({ ok: true });') }) },
        Tags: { team: 'payments' },
      }),
    );
    console.log(`created ${created.FunctionArn}: State ${created.State}, CodeSha256 ${created.CodeSha256}`);

    await client.send(new GetFunctionCommand({ FunctionName: 'orders' })); // the read completes creation
    const updated = await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', MemorySize: 512 }));
    console.log(`update answered LastUpdateStatus ${updated.LastUpdateStatus}`);
    const waited = await waitUntilFunctionUpdatedV2({ client, maxWaitTime: 10 }, { FunctionName: 'orders' });
    console.log(`waiter: ${waited.state} at its first poll`);

    const v1 = await client.send(new PublishVersionCommand({ FunctionName: 'orders', Description: 'first release' }));
    const versions = await client.send(new ListVersionsByFunctionCommand({ FunctionName: 'orders' }));
    console.log(`published version ${v1.Version}; versions: ${versions.Versions?.map((v) => v.Version).join(', ')}`);

    try {
      await client.send(new GetFunctionCommand({ FunctionName: 'orders', Qualifier: '7' }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      console.log(`${error.name} (${error.$metadata.httpStatusCode}): ${error.message}`);
    }

    const stored = lambda.state.region('eu-west-1').functions.get('orders');
    console.log(`state: MemorySize ${stored?.latest.configuration.MemorySize}, ${stored?.versions.length} version(s), tags ${JSON.stringify(stored?.tags)}`);
    console.log(`calls: ${lambda.calls.map((call) => call.operation).join(' → ')}`);
  } finally {
    lambda.restore();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
