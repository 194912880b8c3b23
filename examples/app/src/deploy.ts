// A deploy script, as an application would have one: creates the function or updates its code,
// publishes a version, and points the `live` alias at it.
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  GetFunctionCommand,
  PublishVersionCommand,
  ResourceNotFoundException,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  type LambdaClient,
} from '@aws-sdk/client-lambda';

export interface Release {
  readonly functionName: string;
  readonly role: string;
  /** Where the build uploaded the deployment package. */
  readonly bucket: string;
  readonly key: string;
}

export interface Deployment {
  readonly version: string;
  readonly created: boolean;
}

const exists = (client: LambdaClient, functionName: string): Promise<boolean> =>
  client.send(new GetFunctionCommand({ FunctionName: functionName })).then(
    () => true,
    (error: unknown) => {
      if (error instanceof ResourceNotFoundException) return false;
      throw error;
    },
  );

export async function deploy(client: LambdaClient, release: Release, alias = 'live'): Promise<Deployment> {
  const { functionName: FunctionName, bucket: S3Bucket, key: S3Key } = release;
  const waiter = { client, maxWaitTime: 60 };
  const created = !(await exists(client, FunctionName));
  if (created) {
    await client.send(
      new CreateFunctionCommand({ FunctionName, Runtime: 'nodejs22.x', Handler: 'index.handler', Role: release.role, Code: { S3Bucket, S3Key } }),
    );
    await waitUntilFunctionActiveV2(waiter, { FunctionName });
  } else {
    await client.send(new UpdateFunctionCodeCommand({ FunctionName, S3Bucket, S3Key }));
    await waitUntilFunctionUpdatedV2(waiter, { FunctionName });
  }
  const { Version } = await client.send(new PublishVersionCommand({ FunctionName, Description: S3Key }));
  if (!Version) throw new Error(`PublishVersion answered no version for ${FunctionName}`);
  if (created) await client.send(new CreateAliasCommand({ FunctionName, Name: alias, FunctionVersion: Version }));
  else await client.send(new UpdateAliasCommand({ FunctionName, Name: alias, FunctionVersion: Version }));
  return { version: Version, created };
}
