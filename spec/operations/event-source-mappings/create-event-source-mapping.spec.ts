import {
  CreateAliasCommand,
  GetEventSourceMappingCommand,
  InvalidParameterValueException,
  ListTagsCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-lambda';
import { ACCOUNT, arnOf, expectServiceError, expectValidationError, oneViolation, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import {
  createMapping,
  DOCUMENTDB,
  DYNAMODB,
  FIFO_QUEUE,
  KINESIS,
  mappingArnOf,
  mappingOf,
  MQ,
  MSK,
  QUEUE,
  SECRET,
  UUID_PATTERN,
} from './mapping-helpers';

describe('CreateEventSourceMapping', () => {
  const mock = useMockLambda();
  const get = (uuid: string) => mock.client.send(new GetEventSourceMappingCommand({ UUID: uuid }));
  beforeEach(() => mock.create('orders', { Publish: true }));

  describe('answers 202 with the mapping Creating, and the service defaults of each source', () => {
    test('SQS: 10 messages a batch, no batching window, no starting position', async () => {
      const { $metadata, ...mapping } = await createMapping(mock.client);
      expect($metadata.httpStatusCode).toBe(202);
      expect(mapping).toEqual({
        UUID: expect.stringMatching(UUID_PATTERN),
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: 0,
        EventSourceArn: QUEUE,
        FunctionArn: arnOf('orders'),
        LastModified: expect.any(Date),
        State: 'Creating',
        StateTransitionReason: 'USER_INITIATED',
        FunctionResponseTypes: [],
        EventSourceMappingArn: mappingArnOf(mapping.UUID!),
      });
    });

    test('Kinesis: 100 records, one batch per shard, stream error handling off (-1 is forever)', async () => {
      const { $metadata: _m, ...mapping } = await createMapping(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'LATEST' });
      expect(mapping).toEqual({
        UUID: expect.stringMatching(UUID_PATTERN),
        StartingPosition: 'LATEST',
        BatchSize: 100,
        MaximumBatchingWindowInSeconds: 0,
        ParallelizationFactor: 1,
        EventSourceArn: KINESIS,
        FunctionArn: arnOf('orders'),
        LastModified: expect.any(Date),
        LastProcessingResult: 'No records processed',
        State: 'Creating',
        StateTransitionReason: 'User action',
        DestinationConfig: { OnFailure: {} },
        MaximumRecordAgeInSeconds: -1,
        BisectBatchOnFunctionError: false,
        MaximumRetryAttempts: -1,
        TumblingWindowInSeconds: 0,
        FunctionResponseTypes: [],
        EventSourceMappingArn: mappingArnOf(mapping.UUID!),
      });
    });

    test('DynamoDB Streams: as Kinesis, with the settings given', async () => {
      const mapping = await createMapping(mock.client, {
        EventSourceArn: DYNAMODB,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 500,
        ParallelizationFactor: 4,
        MaximumRetryAttempts: 3,
        BisectBatchOnFunctionError: true,
        MaximumRecordAgeInSeconds: 3600,
        DestinationConfig: { OnFailure: { Destination: QUEUE } },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      expect(mapping).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 500,
        ParallelizationFactor: 4,
        MaximumRetryAttempts: 3,
        BisectBatchOnFunctionError: true,
        MaximumRecordAgeInSeconds: 3600,
        DestinationConfig: { OnFailure: { Destination: QUEUE } },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        TumblingWindowInSeconds: 0,
      });
    });

    test('Amazon MSK: 100 records, its topic, and a consumer group named after the mapping unless given', async () => {
      const { $metadata: _m, ...mapping } = await createMapping(mock.client, { EventSourceArn: MSK, StartingPosition: 'TRIM_HORIZON', Topics: ['orders'] });
      expect(mapping).toEqual({
        UUID: expect.stringMatching(UUID_PATTERN),
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 100,
        EventSourceArn: MSK,
        FunctionArn: arnOf('orders'),
        LastModified: expect.any(Date),
        LastProcessingResult: 'No records processed',
        State: 'Creating',
        StateTransitionReason: 'USER_INITIATED',
        AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: mapping.UUID },
        Topics: ['orders'],
        EventSourceMappingArn: mappingArnOf(mapping.UUID!),
      });
      const named = await createMapping(mock.client, {
        EventSourceArn: MSK, StartingPosition: 'LATEST', Topics: ['payments'], AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'billing' },
      });
      expect(named.AmazonManagedKafkaEventSourceConfig).toEqual({ ConsumerGroupId: 'billing' });
    });

    test('self-managed Kafka: named by its bootstrap servers, with its credentials', async () => {
      const servers = { KAFKA_BOOTSTRAP_SERVERS: ['broker-1.example.com:9092', 'broker-2.example.com:9092'] };
      const mapping = await createMapping(mock.client, {
        EventSourceArn: undefined,
        SelfManagedEventSource: { Endpoints: servers },
        Topics: ['orders'],
        StartingPosition: 'LATEST',
        SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_512_AUTH', URI: SECRET }],
      });
      expect(mapping).toMatchObject({
        BatchSize: 100,
        SelfManagedEventSource: { Endpoints: servers },
        SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: mapping.UUID },
        SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_512_AUTH', URI: SECRET }],
        StateTransitionReason: 'USER_INITIATED',
      });
      expect(mapping.EventSourceArn).toBeUndefined();
      expect(mapping.MaximumBatchingWindowInSeconds).toBeUndefined();
    });

    test('Amazon MQ and DocumentDB: 100 a batch; DocumentDB needs a starting position, MQ takes none', async () => {
      const mq = await createMapping(mock.client, { EventSourceArn: MQ, Queues: ['orders'], SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: SECRET }] });
      expect(mq).toMatchObject({ BatchSize: 100, Queues: ['orders'], LastProcessingResult: 'No records processed' });
      expect(mq.StartingPosition).toBeUndefined();
      const docdb = await createMapping(mock.client, {
        EventSourceArn: DOCUMENTDB,
        StartingPosition: 'LATEST',
        DocumentDBEventSourceConfig: { DatabaseName: 'shop', CollectionName: 'orders', FullDocument: 'UpdateLookup' },
      });
      expect(docdb).toMatchObject({ BatchSize: 100, StartingPosition: 'LATEST', DocumentDBEventSourceConfig: { DatabaseName: 'shop', CollectionName: 'orders', FullDocument: 'UpdateLookup' } });
    });
  });

  test('the mapping is Enabled for the next read, or Disabled when created with Enabled: false', async () => {
    const { $metadata: _m, ...created } = await createMapping(mock.client);
    const { $metadata: _g, ...read } = await get(created.UUID!);
    expect(read).toEqual({ ...created, State: 'Enabled' });
    const paused = await mappingOf(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'LATEST', Enabled: false });
    expect((await get(paused)).State).toBe('Disabled');
  });

  test('names the function by name, ARN or partial ARN, or a version or alias of it', async () => {
    await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
    expect((await createMapping(mock.client, { FunctionName: arnOf('orders'), EventSourceArn: KINESIS, StartingPosition: 'LATEST' })).FunctionArn).toBe(arnOf('orders'));
    expect((await createMapping(mock.client, { FunctionName: `${ACCOUNT}:function:orders`, EventSourceArn: DYNAMODB, StartingPosition: 'LATEST' })).FunctionArn).toBe(arnOf('orders'));
    expect((await createMapping(mock.client, { FunctionName: 'orders:live' })).FunctionArn).toBe(arnOf('orders', 'live'));
    expect((await createMapping(mock.client, { FunctionName: arnOf('orders', '1'), EventSourceArn: MQ, Queues: ['q'] })).FunctionArn).toBe(arnOf('orders', '1'));
  });

  test('a function, version or alias that does not exist answers InvalidParameterValueException, and nothing is stored', async () => {
    const before = settledState(mock.lambda);
    for (const FunctionName of ['missing', 'orders:nope', 'orders:7', `arn:aws:lambda:us-east-1:111111111111:function:orders`]) {
      await expectServiceError(createMapping(mock.client, { FunctionName }), InvalidParameterValueException, 400, 'Function does not exist');
    }
    expect(storedState(mock.lambda)).toEqual(before);
  });

  describe('the rules of each source', () => {
    test('streams, Kafka and DocumentDB need a StartingPosition', async () => {
      for (const EventSourceArn of [KINESIS, DYNAMODB, MSK, DOCUMENTDB]) {
        await expectServiceError(
          createMapping(mock.client, { EventSourceArn, Topics: EventSourceArn === MSK ? ['orders'] : undefined }),
          InvalidParameterValueException,
          400,
          "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
        );
      }
    });

    test('queues take no StartingPosition; DynamoDB Streams cannot start AT_TIMESTAMP; a timestamp needs AT_TIMESTAMP', async () => {
      await expectServiceError(createMapping(mock.client, { StartingPosition: 'LATEST' }), InvalidParameterValueException, 400, 'StartingPosition is not valid for SQS event sources.');
      await expectServiceError(
        createMapping(mock.client, { EventSourceArn: DYNAMODB, StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: new Date(0) }),
        InvalidParameterValueException,
        400,
        `Unsupported starting position for arn type: ${DYNAMODB}`,
      );
      await expectServiceError(
        createMapping(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'LATEST', StartingPositionTimestamp: new Date(0) }),
        InvalidParameterValueException,
        400,
        'Timestamp only valid with StartingPosition AT_TIMESTAMP',
      );
      const at = new Date('2024-05-01T12:00:00.000Z');
      const mapping = await createMapping(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: at });
      expect(mapping.StartingPositionTimestamp).toEqual(at);
    });

    test('SQS: more than 10 messages need a batching window; a FIFO queue takes at most 10 and no window', async () => {
      await expectServiceError(
        createMapping(mock.client, { BatchSize: 100 }),
        InvalidParameterValueException,
        400,
        'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
      );
      expect(await createMapping(mock.client, { BatchSize: 10_000, MaximumBatchingWindowInSeconds: 5 })).toMatchObject({ BatchSize: 10_000, MaximumBatchingWindowInSeconds: 5 });
      await expectServiceError(createMapping(mock.client, { EventSourceArn: FIFO_QUEUE, BatchSize: 11 }), InvalidParameterValueException, 400, 'Maximum batch size must be between 1 and 10 inclusive');
      await expectServiceError(
        createMapping(mock.client, { EventSourceArn: FIFO_QUEUE, MaximumBatchingWindowInSeconds: 5 }),
        InvalidParameterValueException,
        400,
        'Batching window is not supported for FIFO queues',
      );
    });

    test('every source takes at most 10,000 records a batch and a window of at most 300 seconds (the model)', async () => {
      await expectValidationError(
        createMapping(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'LATEST', BatchSize: 10_001 }),
        oneViolation(10_001, 'batchSize', 'Member must have value less than or equal to 10000'),
      );
      await expectValidationError(
        createMapping(mock.client, { MaximumBatchingWindowInSeconds: 301 }),
        oneViolation(301, 'maximumBatchingWindowInSeconds', 'Member must have value less than or equal to 300'),
      );
    });

    test('members another kind of source takes are refused', async () => {
      const unsupported = (member: string) => `Unsupported ${member} parameter for given event source mapping type.`;
      await expectServiceError(createMapping(mock.client, { ParallelizationFactor: 2 }), InvalidParameterValueException, 400, unsupported('ParallelizationFactor'));
      await expectServiceError(createMapping(mock.client, { MaximumRetryAttempts: 2 }), InvalidParameterValueException, 400, unsupported('MaximumRetryAttempts'));
      await expectServiceError(
        createMapping(mock.client, { DestinationConfig: { OnFailure: { Destination: QUEUE } } }),
        InvalidParameterValueException,
        400,
        unsupported('DestinationConfig'),
      );
      await expectServiceError(
        createMapping(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'LATEST', ScalingConfig: { MaximumConcurrency: 5 } }),
        InvalidParameterValueException,
        400,
        unsupported('ScalingConfig'),
      );
      await expectServiceError(
        createMapping(mock.client, { EventSourceArn: MQ, Queues: ['q'], FunctionResponseTypes: ['ReportBatchItemFailures'] }),
        InvalidParameterValueException,
        400,
        unsupported('FunctionResponseTypes'),
      );
    });

    test('no mapping takes an OnSuccess destination', async () => {
      await expectServiceError(
        createMapping(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'LATEST', DestinationConfig: { OnSuccess: { Destination: QUEUE } } }),
        InvalidParameterValueException,
        400,
        'Unsupported DestinationConfig parameter for given event source mapping type.',
      );
    });

    test('SQS takes a maximum concurrency of 2 to 1,000 and batch item failures', async () => {
      const mapping = await createMapping(mock.client, { ScalingConfig: { MaximumConcurrency: 50 }, FunctionResponseTypes: ['ReportBatchItemFailures'] });
      expect(mapping).toMatchObject({ ScalingConfig: { MaximumConcurrency: 50 }, FunctionResponseTypes: ['ReportBatchItemFailures'] });
      await expectValidationError(
        createMapping(mock.client, { ScalingConfig: { MaximumConcurrency: 1 } }),
        oneViolation(1, 'scalingConfig.maximumConcurrency', 'Member must have value greater than or equal to 2'),
      );
    });

    test('a record age is -1 (forever) or 60 seconds to 7 days', async () => {
      await expectServiceError(
        createMapping(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'LATEST', MaximumRecordAgeInSeconds: 59 }),
        InvalidParameterValueException,
        400,
        'MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)',
      );
    });

    test('each filter pattern must be a JSON object', async () => {
      const pattern = JSON.stringify({ body: { status: ['paid'] } });
      expect((await createMapping(mock.client, { FilterCriteria: { Filters: [{ Pattern: pattern }] } })).FilterCriteria).toEqual({ Filters: [{ Pattern: pattern }] });
      for (const bad of ['{"body":', '"paid"', '[1]']) {
        await expectServiceError(
          createMapping(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'LATEST', FilterCriteria: { Filters: [{ Pattern: bad }] } }),
          InvalidParameterValueException,
          400,
          'Invalid filter pattern definition.',
        );
      }
    });

    test('a source that is not one Lambda reads, or no source at all, is refused', async () => {
      await expectServiceError(createMapping(mock.client, { EventSourceArn: 'arn:aws:s3:::orders-bucket' }), InvalidParameterValueException, 400, 'Unrecognized event source.');
      await expectServiceError(createMapping(mock.client, { EventSourceArn: undefined }), InvalidParameterValueException, 400, 'Unrecognized event source.');
    });
  });

  describe('a second mapping of the same source to the same function', () => {
    test('answers ResourceConflictException (409), worded per source, and changes nothing', async () => {
      const sqs = await mappingOf(mock.client);
      const stream = await mappingOf(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'LATEST' });
      const before = settledState(mock.lambda);
      await expectServiceError(
        createMapping(mock.client, { FunctionName: arnOf('orders'), BatchSize: 5 }),
        ResourceConflictException,
        409,
        `An event source mapping with SQS arn (" ${QUEUE} ") and function (" orders ") already exists. Please update or delete the existing mapping with UUID ${sqs}`,
      );
      await expectServiceError(
        createMapping(mock.client, { EventSourceArn: KINESIS, StartingPosition: 'TRIM_HORIZON' }),
        ResourceConflictException,
        409,
        `The event source arn (" ${KINESIS} ") and function (" orders ") provided mapping already exists. Please update or delete the existing mapping with UUID ${stream}`,
      );
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('is not one when the function, the version or alias, or the Kafka topic differs', async () => {
      await mock.create('billing');
      await mappingOf(mock.client);
      await mappingOf(mock.client, { FunctionName: 'billing' });
      await mappingOf(mock.client, { FunctionName: 'orders:1' });
      await mappingOf(mock.client, { EventSourceArn: MSK, StartingPosition: 'LATEST', Topics: ['topic-a'] });
      await mappingOf(mock.client, { EventSourceArn: MSK, StartingPosition: 'LATEST', Topics: ['topic-b'] });
      expect(mock.lambda.state.region('us-east-1').eventSourceMappings.size).toBe(5);
    });
  });

  describe('tags', () => {
    test('are given at creation, and read and changed on the mapping ARN', async () => {
      const { EventSourceMappingArn: arn } = await createMapping(mock.client, { Tags: { team: 'payments' } });
      expect((await mock.client.send(new ListTagsCommand({ Resource: arn! }))).Tags).toEqual({ team: 'payments' });
      await mock.client.send(new TagResourceCommand({ Resource: arn!, Tags: { env: 'test' } }));
      await mock.client.send(new UntagResourceCommand({ Resource: arn!, TagKeys: ['team'] }));
      expect((await mock.client.send(new ListTagsCommand({ Resource: arn! }))).Tags).toEqual({ env: 'test' });
    });

    test('a mapping ARN that names no mapping here answers 404', async () => {
      const uuid = await mappingOf(mock.client);
      for (const resource of [mappingArnOf('12345678-1234-1234-1234-123456789012'), mappingArnOf(uuid, 'eu-west-1')]) {
        await expectServiceError(mock.client.send(new ListTagsCommand({ Resource: resource })), ResourceNotFoundException, 404, 'The resource you requested does not exist.');
      }
    });

    test('the service tag rules apply (no aws: prefix)', async () => {
      await expectServiceError(
        createMapping(mock.client, { Tags: { 'aws:owner': 'me' } }),
        InvalidParameterValueException,
        400,
        'The tag key prefix aws: is reserved for AWS use: aws:owner',
      );
    });
  });
});
