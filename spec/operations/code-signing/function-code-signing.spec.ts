import {
  CodeSigningConfigNotFoundException,
  DeleteCodeSigningConfigCommand,
  DeleteFunctionCodeSigningConfigCommand,
  DeleteFunctionCommand,
  GetFunctionCodeSigningConfigCommand,
  InvalidParameterValueException,
  ListFunctionsByCodeSigningConfigCommand,
  PutFunctionCodeSigningConfigCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { ACCOUNT, arnOf, expectServiceError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { createConfig, cscNotFound, UNKNOWN_CSC } from './code-signing-helpers';

const cscMissing = (arn: string) =>
  `The code signing configuration cannot be found. Check that the provided configuration is not deleted: ${arn}.`;

describe('a function and its code signing config', () => {
  const mock = useMockLambda();
  const put = (FunctionName: string, CodeSigningConfigArn: string) =>
    mock.client.send(new PutFunctionCodeSigningConfigCommand({ FunctionName, CodeSigningConfigArn }));
  const get = (FunctionName: string) => mock.client.send(new GetFunctionCodeSigningConfigCommand({ FunctionName }));
  const del = (FunctionName: string) => mock.client.send(new DeleteFunctionCodeSigningConfigCommand({ FunctionName }));
  const listFunctions = (CodeSigningConfigArn: string, MaxItems?: number, Marker?: string) =>
    mock.client.send(new ListFunctionsByCodeSigningConfigCommand({ CodeSigningConfigArn, MaxItems, Marker }));

  let config: string;
  beforeEach(async () => {
    config = await createConfig(mock.client);
    await mock.create('orders');
  });

  describe('PutFunctionCodeSigningConfig', () => {
    test('answers 200 with the config and the function name, and Get then answers the same', async () => {
      const { $metadata, ...answer } = await put('orders', config);
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer).toEqual({ CodeSigningConfigArn: config, FunctionName: 'orders' });
      const { $metadata: got, ...read } = await get('orders');
      expect(got.httpStatusCode).toBe(200);
      expect(read).toEqual({ CodeSigningConfigArn: config, FunctionName: 'orders' });
    });

    test.each([
      ['its ARN', arnOf('orders')],
      ['its partial ARN', `${ACCOUNT}:function:orders`],
    ])('finds the function by %s and answers its name', async (_form, name) => {
      expect((await put(name, config)).FunctionName).toBe('orders');
      expect((await get(name)).CodeSigningConfigArn).toBe(config);
    });

    test('a second config replaces the first', async () => {
      const other = await createConfig(mock.client);
      await put('orders', config);
      await put('orders', other);
      expect((await get('orders')).CodeSigningConfigArn).toBe(other);
      expect((await listFunctions(config)).FunctionArns).toEqual([]);
    });

    test('an unknown config answers CodeSigningConfigNotFoundException (404), and nothing changes', async () => {
      const before = settledState(mock.lambda);
      await expectServiceError(put('orders', UNKNOWN_CSC), CodeSigningConfigNotFoundException, 404, cscMissing(UNKNOWN_CSC));
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('an unknown function answers 404', async () => {
      await expectServiceError(put('missing', config), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
    });
  });

  describe('GetFunctionCodeSigningConfig', () => {
    test('answers an empty 200 for a function that uses no config', async () => {
      const { $metadata, ...answer } = await get('orders');
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer).toEqual({});
    });

    test('answers 404 for an unknown function', async () => {
      await expectServiceError(get('missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
    });
  });

  describe('DeleteFunctionCodeSigningConfig', () => {
    test('answers 204; the function uses no config, and the config can then be deleted', async () => {
      await put('orders', config);
      const { $metadata, ...answer } = await del('orders');
      expect($metadata.httpStatusCode).toBe(204);
      expect(answer).toEqual({});
      expect(await get('orders')).not.toHaveProperty('CodeSigningConfigArn');
      expect((await mock.client.send(new DeleteCodeSigningConfigCommand({ CodeSigningConfigArn: config }))).$metadata.httpStatusCode).toBe(204);
    });

    test('answers 204 and changes nothing for a function without a config', async () => {
      const before = settledState(mock.lambda);
      expect((await del('orders')).$metadata.httpStatusCode).toBe(204);
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('answers 404 for an unknown function', async () => {
      await expectServiceError(del('missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
    });
  });

  describe('CreateFunction with CodeSigningConfigArn', () => {
    test('attaches the config to the new function', async () => {
      await mock.create('billing', { CodeSigningConfigArn: config });
      expect(await get('billing')).toMatchObject({ CodeSigningConfigArn: config, FunctionName: 'billing' });
      expect(mock.lambda.state.region('us-east-1').functions.get('billing')?.codeSigningConfigArn).toBe(config);
    });

    test('refuses an unknown config with CodeSigningConfigNotFoundException and creates nothing', async () => {
      await expectServiceError(mock.create('billing', { CodeSigningConfigArn: UNKNOWN_CSC }), CodeSigningConfigNotFoundException, 404, cscMissing(UNKNOWN_CSC));
      expect(mock.lambda.state.region('us-east-1').functions.has('billing')).toBe(false);
    });

    test('a deleted function no longer holds its config', async () => {
      await mock.create('billing', { CodeSigningConfigArn: config });
      await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'billing' }));
      expect((await listFunctions(config)).FunctionArns).toEqual([]);
      expect((await mock.client.send(new DeleteCodeSigningConfigCommand({ CodeSigningConfigArn: config }))).$metadata.httpStatusCode).toBe(204);
    });
  });

  describe('ListFunctionsByCodeSigningConfig', () => {
    test('answers 200 with the unqualified ARNs of the functions that use the config, by name', async () => {
      const other = await createConfig(mock.client);
      await mock.create('billing');
      await mock.create('audit');
      await put('orders', config);
      await put('billing', config);
      await put('audit', other);
      const { $metadata, ...answer } = await listFunctions(config);
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer).toEqual({ FunctionArns: [arnOf('billing'), arnOf('orders')] });
      expect((await listFunctions(other)).FunctionArns).toEqual([arnOf('audit')]);
    });

    test('pages with MaxItems and Marker', async () => {
      for (const name of ['a', 'b', 'c']) {
        await mock.create(name);
        await put(name, config);
      }
      await put('orders', config);
      const first = await listFunctions(config, 3);
      expect(first.FunctionArns).toEqual([arnOf('a'), arnOf('b'), arnOf('c')]);
      const rest = await listFunctions(config, 3, first.NextMarker);
      expect(rest).toMatchObject({ FunctionArns: [arnOf('orders')] });
      expect(rest.NextMarker).toBeUndefined();
      await expectServiceError(listFunctions(config, 3, 'bogus'), InvalidParameterValueException, 400, 'Invalid Marker.');
    });

    test('answers 404 for an unknown config', async () => {
      await expectServiceError(listFunctions(UNKNOWN_CSC), ResourceNotFoundException, 404, cscNotFound(UNKNOWN_CSC));
    });
  });
});
