/**
 * Reserved concurrency and the account's concurrency quota (run by `npm run example`).
 */
import {
  CreateFunctionCommand,
  GetAccountSettingsCommand,
  InvokeCommand,
  LambdaClient,
  PutFunctionConcurrencyCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { mockLambda } from 'lambda-mock';

async function main(): Promise<void> {
  // As moto's MOTO_LAMBDA_CONCURRENCY_QUOTA (or LAMBDA_MOCK_CONCURRENCY_QUOTA=150): not enforced unless asked.
  const lambda = mockLambda({ concurrencyQuota: 150 });
  try {
    const client = new LambdaClient({ region: 'us-east-1' });
    for (const name of ['reports', 'exports']) {
      await client.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: 'nodejs22.x',
          Handler: 'index.handler',
          Role: 'arn:aws:iam::123456789012:role/worker',
          Code: { S3Bucket: 'artifacts', S3Key: `${name}.zip` },
        }),
      );
    }

    await client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'reports', ReservedConcurrentExecutions: 50 }));
    let settings = await client.send(new GetAccountSettingsCommand({}));
    console.log(`reserved 50: ${settings.AccountLimit?.UnreservedConcurrentExecutions} of ${settings.AccountLimit?.ConcurrentExecutions} left unreserved`);

    try {
      await client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'exports', ReservedConcurrentExecutions: 10 }));
    } catch (error) {
      console.log(`refused: ${(error as Error).name}: ${(error as Error).message}`);
    }

    await client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'exports', ReservedConcurrentExecutions: 0 }));
    try {
      await client.send(new InvokeCommand({ FunctionName: 'exports' }));
    } catch (error) {
      if (!(error instanceof TooManyRequestsException)) throw error;
      console.log(`reserved 0 throttles every invoke: ${error.name} (${error.Reason})`);
    }

    lambda.setConcurrencyQuota(undefined); // back to the default: the quota is not enforced
    await client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'exports', ReservedConcurrentExecutions: 900 }));
    settings = await client.send(new GetAccountSettingsCommand({}));
    console.log(`quota off: ${settings.AccountLimit?.UnreservedConcurrentExecutions} of ${settings.AccountLimit?.ConcurrentExecutions} left unreserved`);
  } finally {
    lambda.restore();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
