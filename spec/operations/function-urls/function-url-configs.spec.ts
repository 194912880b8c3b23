import {
  CreateAliasCommand,
  CreateFunctionUrlConfigCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  DeleteFunctionUrlConfigCommand,
  GetFunctionUrlConfigCommand,
  ListFunctionUrlConfigsCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  UpdateFunctionUrlConfigCommand,
  type CreateFunctionUrlConfigCommandInput,
  type UpdateFunctionUrlConfigCommandInput,
} from '@aws-sdk/client-lambda';
import { ACCOUNT, arnOf, expectServiceError, expectValidationError, LAMBDA_TIMESTAMP, oneViolation, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { FUNCTION_URL, urlOf } from './url-helpers';

const QUALIFIER_PATTERN = 'Member must satisfy regular expression pattern: ^((?!^\\d+$)^[0-9a-zA-Z-_]+$)$';
const NO_SUCH_URL = 'The resource you requested does not exist.';

describe('function URL configs', () => {
  const mock = useMockLambda();
  const create = (input: Partial<CreateFunctionUrlConfigCommandInput> = {}) =>
    mock.client.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'orders', AuthType: 'AWS_IAM', ...input }));
  const get = (FunctionName = 'orders', Qualifier?: string) => mock.client.send(new GetFunctionUrlConfigCommand({ FunctionName, Qualifier }));
  const update = (input: Partial<UpdateFunctionUrlConfigCommandInput> = {}) =>
    mock.client.send(new UpdateFunctionUrlConfigCommand({ FunctionName: 'orders', ...input }));
  const del = (FunctionName = 'orders', Qualifier?: string) => mock.client.send(new DeleteFunctionUrlConfigCommand({ FunctionName, Qualifier }));
  const list = (input: { FunctionName?: string; MaxItems?: number; Marker?: string } = {}) =>
    mock.client.send(new ListFunctionUrlConfigsCommand({ FunctionName: 'orders', ...input }));

  beforeEach(async () => {
    await mock.create('orders', { Publish: true });
    await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
  });

  describe('CreateFunctionUrlConfig', () => {
    test('answers 201 with a new URL on the function, BUFFERED by default', async () => {
      const { $metadata, ...config } = await create();
      expect($metadata.httpStatusCode).toBe(201);
      expect(config).toEqual({
        FunctionUrl: expect.stringMatching(FUNCTION_URL),
        FunctionArn: arnOf('orders'),
        AuthType: 'AWS_IAM',
        CreationTime: expect.stringMatching(LAMBDA_TIMESTAMP),
        InvokeMode: 'BUFFERED',
      });
      const { $metadata: _m, ...read } = await get();
      expect(read).toEqual({ ...config, LastModifiedTime: config.CreationTime });
    });

    test('records CORS and the invoke mode', async () => {
      const Cors = { AllowOrigins: ['https://shop.example.com'], AllowMethods: ['GET', 'POST'], AllowHeaders: ['content-type'], ExposeHeaders: ['x-trace'], MaxAge: 600, AllowCredentials: true };
      const config = await create({ AuthType: 'NONE', Cors, InvokeMode: 'RESPONSE_STREAM' });
      expect(config).toMatchObject({ AuthType: 'NONE', Cors, InvokeMode: 'RESPONSE_STREAM' });
      expect((await get()).Cors).toEqual(Cors);
    });

    test('an alias has a URL of its own, named by Qualifier or in the function name', async () => {
      const own = await urlOf(mock.client);
      const { FunctionUrl, FunctionArn } = await create({ Qualifier: 'live' });
      expect(FunctionArn).toBe(arnOf('orders', 'live'));
      expect(FunctionUrl).toMatch(FUNCTION_URL);
      expect(FunctionUrl).not.toBe(own);
      expect((await get(`${ACCOUNT}:function:orders:live`)).FunctionUrl).toBe(FunctionUrl);
    });

    test('a second URL for the function or alias is a conflict, and nothing changes', async () => {
      await create();
      await create({ Qualifier: 'live' });
      const before = settledState(mock.lambda);
      await expectServiceError(
        create({ AuthType: 'NONE' }),
        ResourceConflictException,
        409,
        `Failed to create function url config for [functionArn = ${arnOf('orders')}]. Error message:  FunctionUrlConfig exists for this Lambda function`,
      );
      await expectServiceError(
        create({ FunctionName: 'orders:live' }),
        ResourceConflictException,
        409,
        `Failed to create function url config for [functionArn = ${arnOf('orders', 'live')}]. Error message:  FunctionUrlConfig exists for this Lambda function`,
      );
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('an unknown function or alias answers 404', async () => {
      await expectServiceError(create({ FunctionName: 'missing' }), ResourceNotFoundException, 404, 'Function does not exist');
      await expectServiceError(create({ Qualifier: 'canary' }), ResourceNotFoundException, 404, 'Function does not exist');
    });

    test('a URL is never on a version; the auth type is NONE or AWS_IAM (the model)', async () => {
      await expectValidationError(create({ Qualifier: '1' }), oneViolation('1', 'qualifier', QUALIFIER_PATTERN));
      await expectValidationError(create({ FunctionName: 'orders:1' }), oneViolation('1', 'qualifier', QUALIFIER_PATTERN));
      await expectValidationError(
        create({ AuthType: 'COGNITO' as 'NONE' }),
        oneViolation('COGNITO', 'authType', 'Member must satisfy enum value set: [NONE, AWS_IAM]'),
      );
    });
  });

  describe('UpdateFunctionUrlConfig', () => {
    test('changes the auth type, CORS (replaced whole) and invoke mode; the URL and creation time stay', async () => {
      const created = await create({ Cors: { AllowOrigins: ['*'], MaxAge: 60 } });
      const { $metadata, ...updated } = await update({ AuthType: 'NONE', Cors: { AllowMethods: ['GET'] }, InvokeMode: 'RESPONSE_STREAM' });
      expect($metadata.httpStatusCode).toBe(200);
      expect(updated).toEqual({
        FunctionUrl: created.FunctionUrl,
        FunctionArn: arnOf('orders'),
        AuthType: 'NONE',
        Cors: { AllowMethods: ['GET'] },
        CreationTime: created.CreationTime,
        LastModifiedTime: expect.stringMatching(LAMBDA_TIMESTAMP),
        InvokeMode: 'RESPONSE_STREAM',
      });
      const { $metadata: _m, ...read } = await get();
      expect(read).toEqual(updated);
    });

    test('a function, alias or URL that is not there answers 404', async () => {
      await create();
      await expectServiceError(update({ Qualifier: 'live', AuthType: 'NONE' }), ResourceNotFoundException, 404, NO_SUCH_URL);
      await expectServiceError(update({ FunctionName: 'missing', AuthType: 'NONE' }), ResourceNotFoundException, 404, NO_SUCH_URL);
    });
  });

  describe('GetFunctionUrlConfig and DeleteFunctionUrlConfig', () => {
    test('delete answers 204; the URL is gone, and a new one has a new address', async () => {
      const first = await urlOf(mock.client);
      expect((await del()).$metadata.httpStatusCode).toBe(204);
      await expectServiceError(get(), ResourceNotFoundException, 404, NO_SUCH_URL);
      await expectServiceError(del(), ResourceNotFoundException, 404, NO_SUCH_URL);
      expect(await urlOf(mock.client)).not.toBe(first);
    });

    test('an unknown function or alias answers 404', async () => {
      await expectServiceError(get('missing'), ResourceNotFoundException, 404, NO_SUCH_URL);
      await expectServiceError(get('orders', 'canary'), ResourceNotFoundException, 404, NO_SUCH_URL);
      await expectServiceError(del('orders', 'live'), ResourceNotFoundException, 404, NO_SUCH_URL);
    });
  });

  describe('ListFunctionUrlConfigs', () => {
    test("lists the function's URL first, then its aliases', with every member, paged", async () => {
      await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'beta', FunctionVersion: '$LATEST' }));
      await create({ Qualifier: 'live' });
      await create();
      await create({ Qualifier: 'beta' });
      const all = await list();
      expect(all.FunctionUrlConfigs?.map((c) => c.FunctionArn)).toEqual([arnOf('orders'), arnOf('orders', 'beta'), arnOf('orders', 'live')]);
      const { $metadata: _m, ...read } = await get();
      expect(all.FunctionUrlConfigs?.[0]).toEqual(read);
      const first = await list({ MaxItems: 2 });
      const rest = await list({ MaxItems: 2, Marker: first.NextMarker });
      expect(rest.FunctionUrlConfigs?.map((c) => c.FunctionArn)).toEqual([arnOf('orders', 'live')]);
      expect(rest.NextMarker).toBeUndefined();
    });

    test('a function without URLs lists none; an unknown function answers 404', async () => {
      expect((await list()).FunctionUrlConfigs).toEqual([]);
      await expectServiceError(list({ FunctionName: 'missing' }), ResourceNotFoundException, 404, 'Function does not exist');
    });
  });

  test('URLs go with their alias and with their function', async () => {
    await create();
    await create({ Qualifier: 'live' });
    await mock.client.send(new DeleteAliasCommand({ FunctionName: 'orders', Name: 'live' }));
    expect((await list()).FunctionUrlConfigs?.map((c) => c.FunctionArn)).toEqual([arnOf('orders')]);
    await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'orders' }));
    await mock.create('orders');
    expect((await list()).FunctionUrlConfigs).toEqual([]);
  });
});
