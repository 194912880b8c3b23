import { CreateAliasCommand, type CreateAliasCommandInput } from '@aws-sdk/client-lambda';
import type { MockedLambda } from '../../helpers/fixtures';

/** `orders` with published versions 1 … `count` (each from different code). */
export async function ordersWithVersions(mock: MockedLambda, count: number): Promise<void> {
  await mock.create('orders', { Publish: true });
  for (let v = 2; v <= count; v++) await mock.deploy('orders', `exports.handler = async () => ${v};`);
}

/** CreateAlias on `orders` (by default `live` → version 1). */
export const createAliasOn = (mock: MockedLambda, input: Partial<CreateAliasCommandInput> = {}) =>
  mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1', ...input }));

/** A RevisionId as the service writes it. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The ValidationException message of a routing weight out of range (the service prints doubles as `1.0`). */
export const weightViolation = (entry: string, constraint: string): string =>
  `1 validation error detected: Value '{${entry}}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [${constraint}]`;
