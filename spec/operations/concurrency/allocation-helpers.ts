import {
  CreateFunctionCommand,
  DeleteProvisionedConcurrencyConfigCommand,
  GetProvisionedConcurrencyConfigCommand,
  ListProvisionedConcurrencyConfigsCommand,
  PutProvisionedConcurrencyConfigCommand,
  UpdateFunctionCodeCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import type { LambdaMock } from '../../../lib';
import { createInput, REGION, zipOf } from '../../helpers/fixtures';

// What the settle-mode specs of provisioned concurrency share: the commands, and the answers of a
// config still being allocated and of one allocated.

export const putConfig = (client: LambdaClient, name: string, qualifier: string, provisioned: number) =>
  client.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: qualifier, ProvisionedConcurrentExecutions: provisioned }));

export const getConfig = (client: LambdaClient, name: string, qualifier: string) =>
  client.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: qualifier }));

export const deleteConfig = (client: LambdaClient, name: string, qualifier: string) =>
  client.send(new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: qualifier }));

export const listConfigs = (client: LambdaClient, name: string) =>
  client.send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: name }));

/** What Get answers (and a list item holds, but for its ARN) while the allocation is in progress: nothing allocated yet. */
export const inProgress = (requested: number, LastModified: string | undefined) => ({
  RequestedProvisionedConcurrentExecutions: requested,
  AllocatedProvisionedConcurrentExecutions: 0,
  AvailableProvisionedConcurrentExecutions: 0,
  Status: 'IN_PROGRESS',
  LastModified,
});

/** What Get answers once the allocation is complete: everything requested allocated and available. */
export const ready = (requested: number, LastModified: string | undefined) => ({
  RequestedProvisionedConcurrentExecutions: requested,
  AllocatedProvisionedConcurrentExecutions: requested,
  AvailableProvisionedConcurrentExecutions: requested,
  Status: 'READY',
  LastModified,
});

/** The status `lambda.state` holds for a function's config on `qualifier` (`undefined`: no config). */
export const storedStatus = (lambda: LambdaMock, name: string, qualifier: string, region: string = REGION): string | undefined => {
  const configs = lambda.state.region(region).functions.get(name)?.provisionedConcurrency;
  return configs && Object.prototype.hasOwnProperty.call(configs, qualifier) ? configs[qualifier]!.status : undefined;
};

/**
 * Creates `name` with `versions` published versions (each its own code), completing every function
 * transition with `lambda.settle()` so that any settle mode lets the next change through.
 */
export async function publishedFunction(lambda: LambdaMock, client: LambdaClient, name: string, versions = 1): Promise<void> {
  await client.send(new CreateFunctionCommand(createInput(name, { Publish: true })));
  lambda.settle();
  for (let version = 2; version <= versions; version++) {
    await client.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zipOf(`exports.handler = async () => ${version};`), Publish: true }));
    lambda.settle();
  }
}
