import type { DestinationConfig, EventSourcePosition, FilterCriteria } from '@aws-sdk/client-lambda';
import { invalidParameter, ServiceError } from '../../errors/service-error';
import type { OperationContext } from '../operation-handler';
import { functionArn, getFunctionState, isFunctionOfAnotherRegion, parseFunctionName, resolveQualifier } from '../functions/function-ref';
import { isFifoQueue, SOURCE_RULES, unsupported, type SourceKind } from './event-source-kind';

/** The members of Create/UpdateEventSourceMapping whose use depends on the kind of source. */
type KindMember =
  | 'ParallelizationFactor' | 'TumblingWindowInSeconds' | 'BisectBatchOnFunctionError' | 'MaximumRetryAttempts'
  | 'MaximumRecordAgeInSeconds' | 'DestinationConfig' | 'FunctionResponseTypes' | 'ScalingConfig' | 'Topics' | 'Queues'
  | 'AmazonManagedKafkaEventSourceConfig' | 'SelfManagedKafkaEventSourceConfig' | 'DocumentDBEventSourceConfig'
  | 'SourceAccessConfigurations' | 'ProvisionedPollerConfig' | 'LoggingConfig';

const KAFKA: readonly SourceKind[] = ['msk', 'kafka'];

/** Which kinds of source take each member, as the API reference says of each one. */
function takes(kind: SourceKind, member: KindMember): boolean {
  const rules = SOURCE_RULES[kind];
  switch (member) {
    case 'ParallelizationFactor':
    case 'TumblingWindowInSeconds':
      return rules.stream;
    case 'BisectBatchOnFunctionError':
    case 'MaximumRetryAttempts':
    case 'MaximumRecordAgeInSeconds':
    case 'DestinationConfig':
      return rules.errorHandling;
    case 'FunctionResponseTypes':
      return rules.batchItemFailures;
    case 'SourceAccessConfigurations':
      return kind === 'mq' || kind === 'docdb' || KAFKA.includes(kind);
    case 'ProvisionedPollerConfig':
      return kind === 'sqs' || KAFKA.includes(kind);
    case 'LoggingConfig':
      return KAFKA.includes(kind);
    default:
      return rules.own.includes(member);
  }
}

const KIND_MEMBERS: readonly KindMember[] = [
  'ParallelizationFactor', 'TumblingWindowInSeconds', 'BisectBatchOnFunctionError', 'MaximumRetryAttempts', 'MaximumRecordAgeInSeconds',
  'DestinationConfig', 'FunctionResponseTypes', 'ScalingConfig', 'Topics', 'Queues', 'AmazonManagedKafkaEventSourceConfig',
  'SelfManagedKafkaEventSourceConfig', 'DocumentDBEventSourceConfig', 'SourceAccessConfigurations', 'ProvisionedPollerConfig', 'LoggingConfig',
];

/** Whether a destination config names a destination (`{}` and empty strings name none). */
export const hasDestination = (config: DestinationConfig | undefined, member: 'OnSuccess' | 'OnFailure'): boolean =>
  (config?.[member]?.Destination ?? '') !== '';

/**
 * Refuses the members this kind of source does not take, as the service does
 * (`Unsupported <member> parameter for given event source mapping type.`). No mapping takes an
 * `OnSuccess` destination.
 */
export function checkMembersForKind(kind: SourceKind, input: Readonly<Partial<Record<KindMember, unknown>>>): void {
  for (const member of KIND_MEMBERS) {
    if (input[member] !== undefined && !takes(kind, member)) throw unsupported(member);
  }
  if (hasDestination(input.DestinationConfig as DestinationConfig | undefined, 'OnSuccess')) throw unsupported('DestinationConfig');
}

/** The service's rules for `StartingPosition` and `StartingPositionTimestamp` (CreateEventSourceMapping only). */
export function checkStartingPosition(kind: SourceKind, eventSourceArn: string | undefined, position: EventSourcePosition | undefined, timestamp: Date | undefined): void {
  const rules = SOURCE_RULES[kind];
  if (rules.startingPosition === 'refused') {
    if (position !== undefined || timestamp !== undefined) {
      throw invalidParameter(`StartingPosition is not valid for ${kind === 'sqs' ? 'SQS' : 'MQ'} event sources.`);
    }
    return;
  }
  if (position === undefined) {
    throw invalidParameter("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
  }
  if (position === 'AT_TIMESTAMP' && !rules.atTimestamp) throw invalidParameter(`Unsupported starting position for arn type: ${eventSourceArn}`);
  if (timestamp !== undefined && position !== 'AT_TIMESTAMP') throw invalidParameter('Timestamp only valid with StartingPosition AT_TIMESTAMP');
}

/**
 * The batch rules of SQS: a FIFO queue takes at most 10 messages and no batching window; a standard
 * queue takes more than 10 only with a batching window of at least a second. (The model's range,
 * 1–10,000, is every source's maximum and is checked before the handler runs.)
 */
export function checkBatching(kind: SourceKind, eventSourceArn: string | undefined, batchSize: number, window: number | undefined): void {
  if (kind !== 'sqs') return;
  if (isFifoQueue(eventSourceArn)) {
    if (batchSize > 10) throw invalidParameter('Maximum batch size must be between 1 and 10 inclusive');
    if ((window ?? 0) > 0) throw invalidParameter('Batching window is not supported for FIFO queues');
    return;
  }
  if (batchSize > 10 && (window ?? 0) === 0) {
    throw invalidParameter('Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10');
  }
}

/** `MaximumRecordAgeInSeconds` is -1 (forever) or 60 to 604,800: the model's range (from -1) lets 0–59 through. */
export function checkRecordAge(age: number | undefined): void {
  if (age === undefined || age === -1 || age >= 60) return;
  throw invalidParameter('MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)');
}

/** Each filter's `Pattern` must be a JSON object (an event pattern), as the service parses it. */
export function checkFilterCriteria(criteria: FilterCriteria | undefined): void {
  for (const filter of criteria?.Filters ?? []) {
    let pattern: unknown;
    try {
      pattern = JSON.parse(filter.Pattern ?? '');
    } catch {
      throw invalidParameter('Invalid filter pattern definition.');
    }
    if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern)) throw invalidParameter('Invalid filter pattern definition.');
  }
}

/**
 * The ARN of the function (version or alias) a mapping invokes. A function, version or alias that
 * does not exist is the service's `InvalidParameterValueException` here, not a 404.
 */
export function mappingFunctionArn(ctx: OperationContext, functionName: string): string {
  try {
    const ref = parseFunctionName(ctx, functionName);
    const fn = getFunctionState(ctx, ref);
    if (ref.qualifier !== undefined) resolveQualifier(ctx, fn, ref);
    return functionArn(ctx, fn.name, ref.qualifier);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'ResourceNotFoundException' && !isFunctionOfAnotherRegion(error)) throw invalidParameter('Function does not exist');
    throw error;
  }
}
