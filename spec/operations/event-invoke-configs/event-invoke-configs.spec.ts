import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  DeleteFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfigCommand,
  InvalidParameterValueException,
  ListFunctionEventInvokeConfigsCommand,
  PutFunctionEventInvokeConfigCommand,
  ResourceNotFoundException,
  UpdateFunctionEventInvokeConfigCommand,
  type PutFunctionEventInvokeConfigCommandInput,
} from '@aws-sdk/client-lambda';
import { ACCOUNT, arnOf, expectServiceError, expectValidationError, oneViolation, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { BUCKET, BUS, NO_DESTINATIONS, noConfig, QUEUE, TOPIC } from './invoke-config-helpers';

describe('asynchronous invocation configs', () => {
  const mock = useMockLambda();
  const put = (input: Partial<PutFunctionEventInvokeConfigCommandInput>) =>
    mock.client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'orders', ...input }));
  const update = (input: Partial<PutFunctionEventInvokeConfigCommandInput>) =>
    mock.client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'orders', ...input }));
  const get = (FunctionName = 'orders', Qualifier?: string) => mock.client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName, Qualifier }));
  const del = (FunctionName = 'orders', Qualifier?: string) => mock.client.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName, Qualifier }));
  const list = (input: { FunctionName?: string; MaxItems?: number; Marker?: string } = {}) =>
    mock.client.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: 'orders', ...input }));

  beforeEach(async () => {
    await mock.create('orders', { Publish: true });
    await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
  });

  describe('PutFunctionEventInvokeConfig', () => {
    test('answers 200 with the config on $LATEST, LastModified a Date, both destinations always answered', async () => {
      const { $metadata, ...config } = await put({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 3600 });
      expect($metadata.httpStatusCode).toBe(200);
      expect(config).toEqual({
        LastModified: expect.any(Date),
        FunctionArn: arnOf('orders', '$LATEST'),
        MaximumRetryAttempts: 0,
        MaximumEventAgeInSeconds: 3600,
        DestinationConfig: NO_DESTINATIONS,
      });
      const { $metadata: _m, ...read } = await get();
      expect(read).toEqual(config);
    });

    test('replaces the config: a setting left out is removed', async () => {
      await put({ MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600, DestinationConfig: { OnFailure: { Destination: QUEUE } } });
      const { $metadata: _m, ...config } = await put({ MaximumEventAgeInSeconds: 120 });
      expect(config).toEqual({ LastModified: expect.any(Date), FunctionArn: arnOf('orders', '$LATEST'), MaximumEventAgeInSeconds: 120, DestinationConfig: NO_DESTINATIONS });
    });

    test('configures a version or an alias, named by Qualifier or in the function name', async () => {
      expect((await put({ Qualifier: '1', MaximumRetryAttempts: 2 })).FunctionArn).toBe(arnOf('orders', '1'));
      expect((await put({ FunctionName: `${ACCOUNT}:function:orders:live`, MaximumRetryAttempts: 1 })).FunctionArn).toBe(arnOf('orders', 'live'));
      expect((await get('orders', 'live')).MaximumRetryAttempts).toBe(1);
      expect((await get(arnOf('orders', '1'))).MaximumRetryAttempts).toBe(2);
      await expectServiceError(get(), ResourceNotFoundException, 404, noConfig(arnOf('orders', '$LATEST')));
    });

    test('a function, version or alias that does not exist answers 404, and nothing is stored', async () => {
      const before = settledState(mock.lambda);
      for (const input of [{ FunctionName: 'missing' }, { Qualifier: '7' }, { Qualifier: 'canary' }]) {
        await expectServiceError(put({ ...input, MaximumRetryAttempts: 1 }), ResourceNotFoundException, 404, "The function doesn't exist.");
      }
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('something must be configured', async () => {
      await expectServiceError(put({}), InvalidParameterValueException, 400, 'You must specify at least one of error handling or destination setting.');
    });

    test('retries are 0 to 2, event ages 60 to 21,600 seconds (the model)', async () => {
      await expectValidationError(put({ MaximumRetryAttempts: 3 }), oneViolation(3, 'maximumRetryAttempts', 'Member must have value less than or equal to 2'));
      await expectValidationError(
        put({ MaximumEventAgeInSeconds: 59 }),
        oneViolation(59, 'maximumEventAgeInSeconds', 'Member must have value greater than or equal to 60'),
      );
      await expectValidationError(
        put({ MaximumEventAgeInSeconds: 21_601 }),
        oneViolation(21_601, 'maximumEventAgeInSeconds', 'Member must have value less than or equal to 21600'),
      );
    });

    test('sends records to queues, topics, functions and event buses, and failures to S3 buckets too', async () => {
      await mock.create('audit');
      for (const destination of [QUEUE, TOPIC, BUS, arnOf('audit'), arnOf('audit', 'live')]) {
        const config = await put({ DestinationConfig: { OnSuccess: { Destination: destination }, OnFailure: { Destination: destination } } });
        expect(config.DestinationConfig).toEqual({ OnSuccess: { Destination: destination }, OnFailure: { Destination: destination } });
      }
      expect((await put({ DestinationConfig: { OnFailure: { Destination: BUCKET } } })).DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: { Destination: BUCKET } });
    });

    test('refuses destinations of other kinds, S3 for successes, and the function itself', async () => {
      const stream = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/records`;
      await expectServiceError(
        put({ DestinationConfig: { OnSuccess: { Destination: BUCKET } } }),
        InvalidParameterValueException,
        400,
        `The provided destination config DestinationConfig(onSuccess=OnSuccess(destination=${BUCKET}), onFailure=null) is invalid.`,
      );
      await expectServiceError(
        put({ DestinationConfig: { OnSuccess: { Destination: QUEUE }, OnFailure: { Destination: stream } } }),
        InvalidParameterValueException,
        400,
        `The provided destination config DestinationConfig(onSuccess=OnSuccess(destination=${QUEUE}), onFailure=OnFailure(destination=${stream})) is invalid.`,
      );
      await expectServiceError(
        put({ DestinationConfig: { OnFailure: { Destination: arnOf('orders') } } }),
        InvalidParameterValueException,
        400,
        "You can't specify the function as a destination for itself.",
      );
    });
  });

  describe('UpdateFunctionEventInvokeConfig', () => {
    test('changes the settings given and keeps the others', async () => {
      await put({ MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: QUEUE } } });
      const { $metadata: _m, ...config } = await update({ MaximumEventAgeInSeconds: 900 });
      expect(config).toEqual({
        LastModified: expect.any(Date),
        FunctionArn: arnOf('orders', '$LATEST'),
        MaximumRetryAttempts: 1,
        MaximumEventAgeInSeconds: 900,
        DestinationConfig: { OnSuccess: {}, OnFailure: { Destination: QUEUE } },
      });
      expect((await update({ DestinationConfig: { OnSuccess: { Destination: TOPIC } } })).DestinationConfig).toEqual({ OnSuccess: { Destination: TOPIC }, OnFailure: {} });
    });

    test('a config that is not there answers 404', async () => {
      await expectServiceError(update({ MaximumRetryAttempts: 1 }), ResourceNotFoundException, 404, noConfig(arnOf('orders', '$LATEST')));
      await expectServiceError(update({ Qualifier: 'live', MaximumRetryAttempts: 1 }), ResourceNotFoundException, 404, noConfig(arnOf('orders', 'live')));
    });
  });

  describe('GetFunctionEventInvokeConfig and DeleteFunctionEventInvokeConfig', () => {
    test('delete answers 204 and the config is gone', async () => {
      await put({ MaximumRetryAttempts: 0 });
      expect((await del()).$metadata.httpStatusCode).toBe(204);
      await expectServiceError(get(), ResourceNotFoundException, 404, noConfig(arnOf('orders', '$LATEST')));
      await expectServiceError(del(), ResourceNotFoundException, 404, noConfig(arnOf('orders', '$LATEST')));
    });

    test('an unknown function answers the same 404', async () => {
      await expectServiceError(get('missing'), ResourceNotFoundException, 404, noConfig(arnOf('missing', '$LATEST')));
      await expectServiceError(del('missing', 'live'), ResourceNotFoundException, 404, noConfig(arnOf('missing', 'live')));
    });
  });

  describe('ListFunctionEventInvokeConfigs', () => {
    test('lists the configs of the function, its versions and aliases, paged', async () => {
      await put({ MaximumRetryAttempts: 0 });
      await put({ Qualifier: '1', MaximumRetryAttempts: 1 });
      await put({ Qualifier: 'live', MaximumRetryAttempts: 2 });
      const all = await list();
      expect(all.FunctionEventInvokeConfigs?.map((c) => [c.FunctionArn, c.MaximumRetryAttempts])).toEqual([
        [arnOf('orders', '$LATEST'), 0],
        [arnOf('orders', '1'), 1],
        [arnOf('orders', 'live'), 2],
      ]);
      expect(all.FunctionEventInvokeConfigs?.[0]).toEqual({ LastModified: expect.any(Date), FunctionArn: arnOf('orders', '$LATEST'), MaximumRetryAttempts: 0, DestinationConfig: NO_DESTINATIONS });
      const first = await list({ MaxItems: 2 });
      const rest = await list({ MaxItems: 2, Marker: first.NextMarker });
      expect([...first.FunctionEventInvokeConfigs!, ...rest.FunctionEventInvokeConfigs!].map((c) => c.FunctionArn)).toEqual(
        all.FunctionEventInvokeConfigs!.map((c) => c.FunctionArn),
      );
      expect(rest.NextMarker).toBeUndefined();
    });

    test('a function without configs lists none; an unknown function answers 404', async () => {
      expect((await list()).FunctionEventInvokeConfigs).toEqual([]);
      await expectServiceError(list({ FunctionName: 'missing' }), ResourceNotFoundException, 404, "The function doesn't exist.");
    });
  });

  test('configs go with what they are on: the function, a version, an alias', async () => {
    await mock.deploy('orders', 'exports.handler = async () => 2;');
    await put({ Qualifier: '2', MaximumRetryAttempts: 1 });
    await put({ Qualifier: 'live', MaximumRetryAttempts: 1 });
    await put({ MaximumRetryAttempts: 1 });
    await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'orders', Qualifier: '2' }));
    await mock.client.send(new DeleteAliasCommand({ FunctionName: 'orders', Name: 'live' }));
    expect((await list()).FunctionEventInvokeConfigs?.map((c) => c.FunctionArn)).toEqual([arnOf('orders', '$LATEST')]);
    await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'orders' }));
    await mock.create('orders');
    expect((await list()).FunctionEventInvokeConfigs).toEqual([]);
  });
});
