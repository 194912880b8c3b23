// The code under test: a small module that creates a function and sends it a job.
import { CreateFunctionCommand, InvokeCommand, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';

export async function createWorker(client, name) {
  await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: 'arn:aws:iam::123456789012:role/worker',
      Code: { S3Bucket: 'artifacts', S3Key: `${name}.zip` },
      MemorySize: 256,
    }),
  );
  await waitUntilFunctionActiveV2({ client, maxWaitTime: 10 }, { FunctionName: name });
}

export async function sendJob(client, name, job) {
  const answer = await client.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Event', Payload: JSON.stringify(job) }));
  return answer.StatusCode;
}
