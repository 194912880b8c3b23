import {
  CreateFunctionCommand,
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  GetEventSourceMappingCommand,
  InvalidParameterValueException,
  LambdaServiceException,
  ListEventSourceMappingsCommand,
  ResourceConflictException,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateEventSourceMappingCommand,
  type LambdaClient,
  type UpdateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import { ACCOUNT, arnOf, createInput, expectServiceError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { useMockLambdaWith } from '../invocation/invoke-helpers';
import { createMapping, KINESIS, mappingOf, MQ, QUEUE } from './mapping-helpers';

const NO_SUCH_MAPPING = 'The resource you requested does not exist.';
const UNKNOWN_UUID = '12345678-1234-1234-1234-123456789012';

const getMapping = (client: LambdaClient, uuid: string) => client.send(new GetEventSourceMappingCommand({ UUID: uuid }));
const updateMapping = (client: LambdaClient, uuid: string, input: Partial<UpdateEventSourceMappingCommandInput> = {}) =>
  client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, ...input }));
const deleteMapping = (client: LambdaClient, uuid: string) => client.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));
const list = (client: LambdaClient, input: { EventSourceArn?: string; FunctionName?: string; MaxItems?: number; Marker?: string } = {}) =>
  client.send(new ListEventSourceMappingsCommand(input));

describe('event source mappings: read, update, delete, list', () => {
  const mock = useMockLambda();
  beforeEach(() => mock.create('orders'));

  describe('GetEventSourceMapping', () => {
    test('an unknown UUID answers ResourceNotFoundException (404)', async () => {
      await expectServiceError(getMapping(mock.client, UNKNOWN_UUID), ResourceNotFoundException, 404, NO_SUCH_MAPPING);
    });
  });

  describe('UpdateEventSourceMapping', () => {
    test('answers 202 Updating with the change, and the mapping is Enabled with it on the next read', async () => {
      const uuid = await mappingOf(mock.client);
      const { $metadata, ...updated } = await updateMapping(mock.client, uuid, { BatchSize: 5, ScalingConfig: { MaximumConcurrency: 10 } });
      expect($metadata.httpStatusCode).toBe(202);
      expect(updated).toMatchObject({ UUID: uuid, BatchSize: 5, ScalingConfig: { MaximumConcurrency: 10 }, State: 'Updating', LastModified: expect.any(Date) });
      const { $metadata: _m, ...read } = await getMapping(mock.client, uuid);
      expect(read).toEqual({ ...updated, State: 'Enabled' });
    });

    test('Enabled: false answers Disabling then reads Disabled; Enabled: true answers Enabling', async () => {
      const uuid = await mappingOf(mock.client);
      expect((await updateMapping(mock.client, uuid, { Enabled: false })).State).toBe('Disabling');
      expect((await getMapping(mock.client, uuid)).State).toBe('Disabled');
      expect((await updateMapping(mock.client, uuid, { Enabled: false, BatchSize: 3 })).State).toBe('Updating');
      expect((await updateMapping(mock.client, uuid, { Enabled: true })).State).toBe('Enabling');
      expect((await getMapping(mock.client, uuid)).State).toBe('Enabled');
    });

    test('moves the mapping to another function, named in any form', async () => {
      await mock.create('billing');
      const uuid = await mappingOf(mock.client);
      expect((await updateMapping(mock.client, uuid, { FunctionName: arnOf('billing') })).FunctionArn).toBe(arnOf('billing'));
      await expectServiceError(updateMapping(mock.client, uuid, { FunctionName: 'missing' }), InvalidParameterValueException, 400, 'Function does not exist');
    });

    test('applies the source rules to the result: a larger SQS batch needs a window, streams-only members are refused', async () => {
      const uuid = await mappingOf(mock.client);
      await expectServiceError(
        updateMapping(mock.client, uuid, { BatchSize: 50 }),
        InvalidParameterValueException,
        400,
        'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
      );
      expect(await updateMapping(mock.client, uuid, { BatchSize: 50, MaximumBatchingWindowInSeconds: 2 })).toMatchObject({ BatchSize: 50, MaximumBatchingWindowInSeconds: 2 });
      await expectServiceError(
        updateMapping(mock.client, uuid, { TumblingWindowInSeconds: 60 }),
        InvalidParameterValueException,
        400,
        'Unsupported TumblingWindowInSeconds parameter for given event source mapping type.',
      );
    });

    test('stream error handling and filters can change; an empty FilterCriteria removes the filters', async () => {
      const uuid = await mappingOf(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'LATEST', FilterCriteria: { Filters: [{ Pattern: '{"data":{"a":[1]}}' }] } });
      const updated = await updateMapping(mock.client, uuid, {
        MaximumRetryAttempts: 5,
        DestinationConfig: { OnFailure: { Destination: QUEUE } },
        FilterCriteria: {},
      });
      expect(updated).toMatchObject({ StartingPosition: 'LATEST', MaximumRetryAttempts: 5, DestinationConfig: { OnFailure: { Destination: QUEUE } } });
      expect(updated.FilterCriteria).toBeUndefined();
    });

    test('moving a mapping onto a function that already has one for the source is a conflict', async () => {
      await mock.create('billing');
      const first = await mappingOf(mock.client);
      const second = await mappingOf(mock.client, { FunctionName: 'billing' });
      await expectServiceError(
        updateMapping(mock.client, second, { FunctionName: 'orders' }),
        ResourceConflictException,
        409,
        `An event source mapping with SQS arn (" ${QUEUE} ") and function (" orders ") already exists. Please update or delete the existing mapping with UUID ${first}`,
      );
    });

    test('an unknown UUID answers 404 and stores nothing', async () => {
      const before = settledState(mock.lambda);
      await expectServiceError(updateMapping(mock.client, UNKNOWN_UUID, { BatchSize: 5 }), ResourceNotFoundException, 404, NO_SUCH_MAPPING);
      expect(storedState(mock.lambda)).toEqual(before);
    });
  });

  describe('DeleteEventSourceMapping', () => {
    test('answers 202 with the mapping Deleting, and it is gone', async () => {
      const uuid = await mappingOf(mock.client, { BatchSize: 7 });
      const { $metadata: _g, ...read } = await getMapping(mock.client, uuid);
      const { $metadata, ...deleted } = await deleteMapping(mock.client, uuid);
      expect($metadata.httpStatusCode).toBe(202);
      expect(deleted).toEqual({ ...read, State: 'Deleting' });
      await expectServiceError(getMapping(mock.client, uuid), ResourceNotFoundException, 404, NO_SUCH_MAPPING);
      await expectServiceError(deleteMapping(mock.client, uuid), ResourceNotFoundException, 404, NO_SUCH_MAPPING);
    });

    test('deleting the function leaves its mappings, as the service does (they must be deleted on their own)', async () => {
      const uuid = await mappingOf(mock.client);
      await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'orders' }));
      expect((await getMapping(mock.client, uuid)).FunctionArn).toBe(arnOf('orders'));
      expect((await list(mock.client, { FunctionName: 'orders' })).EventSourceMappings?.map((m) => m.UUID)).toEqual([uuid]);
    });
  });

  describe('ListEventSourceMappings', () => {
    test('lists every mapping, oldest first, by event source and by function in any form', async () => {
      await mock.create('billing');
      const a = await mappingOf(mock.client);
      const b = await mappingOf(mock.client, { FunctionName: arnOf('billing') });
      const c = await mappingOf(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'LATEST' });
      const uuids = async (input: Parameters<typeof list>[1]) => (await list(mock.client, input)).EventSourceMappings?.map((m) => m.UUID);
      expect(await uuids({})).toEqual([a, b, c]);
      expect(await uuids({ EventSourceArn: QUEUE })).toEqual([a, b]);
      expect(await uuids({ FunctionName: 'billing' })).toEqual([b]);
      expect(await uuids({ FunctionName: `${ACCOUNT}:function:orders` })).toEqual([a, c]);
      expect(await uuids({ FunctionName: arnOf('orders'), EventSourceArn: KINESIS })).toEqual([c]);
      expect(await uuids({ EventSourceArn: MQ })).toEqual([]);
    });

    test('answers every member the mapping has, in its settled state', async () => {
      const created = await createMapping(mock.client, { BatchSize: 4 });
      const { $metadata: _m, ...read } = await getMapping(mock.client, created.UUID!);
      expect((await list(mock.client)).EventSourceMappings).toEqual([read]);
    });

    test('a qualified function name finds only the mappings of that version or alias', async () => {
      await mock.client.send(new CreateFunctionCommand(createInput('versioned', { Publish: true })));
      const unqualified = await mappingOf(mock.client, { FunctionName: 'versioned' });
      const version = await mappingOf(mock.client, { FunctionName: 'versioned:1', EventSourceArn: KINESIS, StartingPosition: 'LATEST' });
      expect((await list(mock.client, { FunctionName: 'versioned:1' })).EventSourceMappings?.map((m) => m.UUID)).toEqual([version]);
      expect((await list(mock.client, { FunctionName: 'versioned' })).EventSourceMappings?.map((m) => m.UUID)).toEqual([unqualified]);
    });

    test('pages with MaxItems and Marker', async () => {
      const uuids: string[] = [];
      for (let i = 0; i < 5; i++) {
        uuids.push(await mappingOf(mock.client, { EventSourceArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:queue-${i}` }));
      }
      const first = await list(mock.client, { MaxItems: 2 });
      expect(first.EventSourceMappings?.map((m) => m.UUID)).toEqual(uuids.slice(0, 2));
      const second = await list(mock.client, { MaxItems: 2, Marker: first.NextMarker });
      const third = await list(mock.client, { MaxItems: 2, Marker: second.NextMarker });
      expect([...second.EventSourceMappings!, ...third.EventSourceMappings!].map((m) => m.UUID)).toEqual(uuids.slice(2));
      expect(third.NextMarker).toBeUndefined();
      const error = await list(mock.client, { Marker: 'not-a-marker' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidParameterValueException);
    });

    test('an empty region lists no mapping', async () => {
      expect((await list(mock.client)).EventSourceMappings).toEqual([]);
    });
  });
});

describe("event source mappings with settle: 'on-read'", () => {
  const mock = useMockLambdaWith({ settle: 'on-read' });
  beforeEach(() => mock.client.send(new CreateFunctionCommand(createInput('orders'))));

  test('stay Creating until read; a change before that answers ResourceInUseException (400)', async () => {
    const uuid = await mappingOf(mock.client);
    expect(mock.lambda.state.region('us-east-1').eventSourceMappings.get(uuid)?.configuration.State).toBe('Creating');
    await expectServiceError(updateMapping(mock.client, uuid, { BatchSize: 5 }), ResourceInUseException, 400, 'Cannot update the event source mapping because it is in use.');
    await expectServiceError(deleteMapping(mock.client, uuid), ResourceInUseException, 400, 'Cannot delete the event source mapping because it is in use.');
    expect((await getMapping(mock.client, uuid)).State).toBe('Enabled');
    expect((await updateMapping(mock.client, uuid, { Enabled: false })).State).toBe('Disabling');
    expect((await list(mock.client)).EventSourceMappings?.[0]?.State).toBe('Disabled');
    expect((await deleteMapping(mock.client, uuid)).State).toBe('Deleting');
  });
});

describe("event source mappings with settle: 'manual'", () => {
  const mock = useMockLambdaWith({ settle: 'manual' });

  test('stay Creating, on every read too, until lambda.settle()', async () => {
    await mock.client.send(new CreateFunctionCommand(createInput('orders')));
    const uuid = await mappingOf(mock.client);
    expect((await getMapping(mock.client, uuid)).State).toBe('Creating');
    const error = await updateMapping(mock.client, uuid, { BatchSize: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LambdaServiceException);
    expect((error as Error).name).toBe('ResourceInUseException');
    mock.lambda.settle();
    expect((await getMapping(mock.client, uuid)).State).toBe('Enabled');
  });
});
