import {
  ListVersionsByFunctionCommand,
  ResourceNotFoundException,
  type ListVersionsByFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { ACCOUNT, arnOf, expectServiceError, useMockLambda } from '../../helpers/fixtures';

describe('ListVersionsByFunction', () => {
  const mock = useMockLambda();
  const list = (input: Omit<ListVersionsByFunctionCommandInput, 'FunctionName'> = {}, name = 'orders') =>
    mock.client.send(new ListVersionsByFunctionCommand({ FunctionName: name, ...input }));
  /** Publishes versions 1..count, each with its own code. */
  const publishVersions = async (count: number) => {
    for (let i = 1; i <= count; i++) await mock.deploy('orders', `exports.handler = async () => ${i};`);
  };

  beforeEach(async () => {
    await mock.create('orders');
  });

  test('answers 200 with only $LATEST, named by its qualified ARN, for a function never published', async () => {
    const { $metadata, ...answer } = await list();
    expect($metadata.httpStatusCode).toBe(200);
    const { FunctionArn, ...latest } = (await mock.get('orders')).Configuration!;
    expect(answer).toEqual({ Versions: [{ ...latest, FunctionArn: arnOf('orders', '$LATEST') }] });
  });

  test('lists $LATEST, then every version in order, each as GetFunction gives it', async () => {
    await publishVersions(3);
    const { Versions, NextMarker } = await list();
    expect(Versions?.map((v) => [v.Version, v.FunctionArn])).toEqual([
      ['$LATEST', arnOf('orders', '$LATEST')],
      ['1', arnOf('orders', '1')],
      ['2', arnOf('orders', '2')],
      ['3', arnOf('orders', '3')],
    ]);
    expect(Versions?.[2]).toEqual((await mock.get('orders', '2')).Configuration);
    expect(NextMarker).toBeUndefined();
  });

  test.each([
    ['its ARN', arnOf('orders')],
    ['its partial ARN', `${ACCOUNT}:function:orders`],
  ])('finds the function by %s', async (_form, name) => {
    await publishVersions(1);
    expect((await list({}, name)).Versions?.map((v) => v.Version)).toEqual(['$LATEST', '1']);
  });

  test('pages with MaxItems and Marker, reaching every version exactly once', async () => {
    await publishVersions(4);
    const first = await list({ MaxItems: 2 });
    expect(first.Versions?.map((v) => v.Version)).toEqual(['$LATEST', '1']);
    const second = await list({ MaxItems: 2, Marker: first.NextMarker });
    expect(second.Versions?.map((v) => v.Version)).toEqual(['2', '3']);
    const third = await list({ MaxItems: 2, Marker: second.NextMarker });
    expect(third.Versions?.map((v) => v.Version)).toEqual(['4']);
    expect(third.NextMarker).toBeUndefined();
  });

  test('pages 50 versions by default, and never more than 50 per call', async () => {
    await publishVersions(50);
    const first = await list();
    expect(first.Versions).toHaveLength(50);
    expect((await list({ MaxItems: 500 })).Versions).toHaveLength(50);
    const rest = await list({ Marker: first.NextMarker });
    expect(rest.Versions?.map((v) => v.Version)).toEqual(['50']);
    expect(rest.NextMarker).toBeUndefined();
  });

  test('answers 404 for an unknown function', async () => {
    await expectServiceError(list({}, 'missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
  });
});
