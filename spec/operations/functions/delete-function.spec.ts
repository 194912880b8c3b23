import {
  DeleteFunctionCommand,
  InvalidParameterValueException,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, REGION, settledState, storedState, useMockLambda } from '../../helpers/fixtures';

describe('DeleteFunction', () => {
  const mock = useMockLambda();
  const remove = (name: string, qualifier?: string) =>
    mock.client.send(new DeleteFunctionCommand({ FunctionName: name, Qualifier: qualifier }));
  const versionsOf = async (name: string) =>
    (await mock.client.send(new ListVersionsByFunctionCommand({ FunctionName: name }))).Versions?.map((v) => v.Version);

  beforeEach(async () => {
    // Versions 1 and 2 of `orders`, each with its own code.
    await mock.create('orders', { Publish: true });
    await mock.deploy('orders', 'exports.handler = async () => 2;');
  });

  test('deletes the function and every version, answering StatusCode 204', async () => {
    const { $metadata, ...answer } = await remove('orders');
    expect($metadata.httpStatusCode).toBe(204);
    expect(answer).toEqual({ StatusCode: 204 });
    expect(mock.lambda.state.region(REGION).functions.has('orders')).toBe(false);
    await expectServiceError(mock.get('orders'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders')}`);
    await expectServiceError(mock.get('orders', '1'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '1')}`);
  });

  test('deletes the function given by ARN', async () => {
    expect((await remove(arnOf('orders'))).StatusCode).toBe(204);
    expect(mock.lambda.state.region(REGION).functions.size).toBe(0);
  });

  test('lets a deleted name be created anew, with no versions', async () => {
    await remove('orders');
    await mock.create('orders');
    expect(await versionsOf('orders')).toEqual(['$LATEST']);
  });

  test.each([
    ['Qualifier', 'orders', '1'],
    ['a name qualifier', 'orders:1', undefined],
  ])('with a version in %s deletes that version only', async (_form, name, qualifier) => {
    const latest = (await mock.get('orders')).Configuration;
    const { $metadata, StatusCode } = await remove(name, qualifier);
    expect([$metadata.httpStatusCode, StatusCode]).toEqual([204, 204]);

    expect(await versionsOf('orders')).toEqual(['$LATEST', '2']);
    await expectServiceError(mock.get('orders', '1'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '1')}`);
    expect((await mock.get('orders')).Configuration).toEqual(latest);
  });

  test('refuses to delete $LATEST alone', async () => {
    const before = settledState(mock.lambda);
    await expectServiceError(
      remove('orders', '$LATEST'),
      InvalidParameterValueException,
      400,
      '$LATEST version cannot be deleted without deleting the function.',
    );
    expect(storedState(mock.lambda)).toEqual(before);
  });

  test('answers 404 for an unknown version and for an unknown function', async () => {
    await expectServiceError(remove('orders', '9'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '9')}`);
    await expectServiceError(remove('missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
    expect(await versionsOf('orders')).toEqual(['$LATEST', '1', '2']);
  });

  test('never reuses the number of a deleted version', async () => {
    await remove('orders', '2');
    await mock.deploy('orders', 'exports.handler = async () => 3;');
    await remove('orders', '3');
    await remove('orders', '1');
    await mock.deploy('orders', 'exports.handler = async () => 4;');
    expect(await versionsOf('orders')).toEqual(['$LATEST', '4']);

    await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'orders', Qualifier: '4' }));
    const published = await mock.client.send(new PublishVersionCommand({ FunctionName: 'orders' }));
    expect(published.Version).toBe('5');
  });
});
