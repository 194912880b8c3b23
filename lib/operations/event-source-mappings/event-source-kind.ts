import { invalidParameter } from '../../errors/service-error';

/** The kinds of event source a mapping reads, each with the service's own rules. */
export type SourceKind = 'sqs' | 'kinesis' | 'dynamodb' | 'msk' | 'kafka' | 'mq' | 'docdb';

/** What the service allows and defaults for one kind of event source. */
export interface SourceRules {
  /** `BatchSize` when none is given. */
  readonly defaultBatchSize: number;
  /** `StartingPosition` must be given (streams, Kafka, DocumentDB), or may not be (queues). */
  readonly startingPosition: 'required' | 'refused';
  /** Whether `AT_TIMESTAMP` is a starting position this source supports (not DynamoDB Streams). */
  readonly atTimestamp: boolean;
  /** Kinesis and DynamoDB Streams: shards read in parallel, tumbling windows, stream error handling. */
  readonly stream: boolean;
  /** `DestinationConfig.OnFailure`, `MaximumRecordAgeInSeconds`, `BisectBatchOnFunctionError`, `MaximumRetryAttempts`. */
  readonly errorHandling: boolean;
  /** `FunctionResponseTypes: ['ReportBatchItemFailures']`. */
  readonly batchItemFailures: boolean;
  /** `MaximumBatchingWindowInSeconds` the answer shows when none is given (Kafka, MQ and DocumentDB wait 500 ms, which seconds cannot show). */
  readonly defaultBatchingWindow: number | undefined;
  /** `StateTransitionReason` as the service writes it for this source. */
  readonly transitionReason: 'User action' | 'USER_INITIATED';
  /** Members only this kind of source takes. */
  readonly own: readonly string[];
}

const QUEUE = { startingPosition: 'refused', atTimestamp: false, stream: false, errorHandling: false } as const;

/** The rules per kind, from the Lambda developer guide's parameter tables for each source. */
export const SOURCE_RULES: Readonly<Record<SourceKind, SourceRules>> = {
  sqs: { ...QUEUE, defaultBatchSize: 10, batchItemFailures: true, defaultBatchingWindow: 0, transitionReason: 'USER_INITIATED', own: ['ScalingConfig'] },
  kinesis: {
    defaultBatchSize: 100, startingPosition: 'required', atTimestamp: true, stream: true, errorHandling: true, batchItemFailures: true,
    defaultBatchingWindow: 0, transitionReason: 'User action', own: [],
  },
  dynamodb: {
    defaultBatchSize: 100, startingPosition: 'required', atTimestamp: false, stream: true, errorHandling: true, batchItemFailures: true,
    defaultBatchingWindow: 0, transitionReason: 'User action', own: [],
  },
  msk: {
    defaultBatchSize: 100, startingPosition: 'required', atTimestamp: true, stream: false, errorHandling: true, batchItemFailures: true,
    defaultBatchingWindow: undefined, transitionReason: 'USER_INITIATED', own: ['Topics', 'AmazonManagedKafkaEventSourceConfig'],
  },
  kafka: {
    defaultBatchSize: 100, startingPosition: 'required', atTimestamp: true, stream: false, errorHandling: true, batchItemFailures: true,
    defaultBatchingWindow: undefined, transitionReason: 'USER_INITIATED', own: ['Topics', 'SelfManagedEventSource', 'SelfManagedKafkaEventSourceConfig'],
  },
  mq: { ...QUEUE, defaultBatchSize: 100, batchItemFailures: false, defaultBatchingWindow: undefined, transitionReason: 'USER_INITIATED', own: ['Queues'] },
  docdb: {
    defaultBatchSize: 100, startingPosition: 'required', atTimestamp: true, stream: false, errorHandling: false, batchItemFailures: false,
    defaultBatchingWindow: undefined, transitionReason: 'USER_INITIATED', own: ['DocumentDBEventSourceConfig'],
  },
};

const BY_SERVICE: Readonly<Record<string, SourceKind>> = {
  sqs: 'sqs', kinesis: 'kinesis', dynamodb: 'dynamodb', kafka: 'msk', mq: 'mq', rds: 'docdb', docdb: 'docdb',
};

/**
 * The kind of source a CreateEventSourceMapping request names: self-managed Kafka by its bootstrap
 * servers, any other by the service of its ARN (the model has checked the ARN's form). There is no
 * queue or stream in process, so nothing else about the source is checked.
 */
export function sourceKindOf(eventSourceArn: string | undefined, selfManaged: unknown): SourceKind {
  if (eventSourceArn === undefined) {
    if (selfManaged !== undefined) return 'kafka';
    throw invalidParameter('Unrecognized event source.');
  }
  const kind = BY_SERVICE[eventSourceArn.split(':')[2] ?? ''];
  if (kind === undefined || selfManaged !== undefined) throw invalidParameter('Unrecognized event source.');
  return kind;
}

/** Whether an SQS source is a FIFO queue (its name ends in `.fifo`). */
export const isFifoQueue = (eventSourceArn: string | undefined): boolean => eventSourceArn?.endsWith('.fifo') === true;

/** The service's answer to a member this kind of source does not take. */
export const unsupported = (member: string): Error => invalidParameter(`Unsupported ${member} parameter for given event source mapping type.`);
