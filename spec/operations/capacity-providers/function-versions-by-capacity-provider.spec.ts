import { ListFunctionVersionsByCapacityProviderCommand, PublishVersionCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, useMockLambda } from '../../helpers/fixtures';
import { createProvider, onProvider, providerArn, providerNotFound } from './capacity-provider-helpers';

describe('ListFunctionVersionsByCapacityProvider', () => {
  const mock = useMockLambda();
  const list = (CapacityProviderName: string, MaxItems?: number, Marker?: string) =>
    mock.client.send(new ListFunctionVersionsByCapacityProviderCommand({ CapacityProviderName, MaxItems, Marker }));

  let arn: string;
  beforeEach(async () => {
    arn = await createProvider(mock.client, 'fleet');
  });

  test('answers 200 with the provider ARN and no versions while none is published', async () => {
    await mock.create('orders', onProvider(arn));
    const { $metadata, ...answer } = await list('fleet');
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({ CapacityProviderArn: arn, FunctionVersions: [] });
  });

  test('lists the published versions that run on the provider, with their state, and no others', async () => {
    const other = await createProvider(mock.client, 'other');
    await mock.create('orders', { ...onProvider(arn), Publish: true });
    await mock.create('billing', { ...onProvider(other), Publish: true });
    await mock.create('audit', { Publish: true });
    await mock.deploy('orders', 'exports.handler = async () => 2;');
    const { FunctionVersions } = await list(arn);
    expect(FunctionVersions).toEqual([
      { FunctionArn: arnOf('orders', '1'), State: 'Active' },
      { FunctionArn: arnOf('orders', '2'), State: 'Active' },
    ]);
    expect((await list('other')).FunctionVersions).toEqual([{ FunctionArn: arnOf('billing', '1'), State: 'Active' }]);
  });

  test('pages with MaxItems and Marker', async () => {
    await mock.create('orders', onProvider(arn));
    for (let i = 1; i <= 3; i++) {
      await mock.deploy('orders', `exports.handler = async () => ${i};`);
    }
    await mock.client.send(new PublishVersionCommand({ FunctionName: 'orders' }));
    const first = await list('fleet', 2);
    const rest = await list('fleet', 2, first.NextMarker);
    expect([...first.FunctionVersions!, ...rest.FunctionVersions!].map((v) => v.FunctionArn)).toEqual(['1', '2', '3'].map((v) => arnOf('orders', v)));
    expect(rest.NextMarker).toBeUndefined();
  });

  test('answers 404 for an unknown provider', async () => {
    await expectServiceError(list('missing'), ResourceNotFoundException, 404, providerNotFound('missing'));
    await expectServiceError(list(providerArn('missing')), ResourceNotFoundException, 404, providerNotFound('missing'));
  });
});
