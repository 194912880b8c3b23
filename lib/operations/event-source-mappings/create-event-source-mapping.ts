import type { CreateEventSourceMappingCommandInput, EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { randomUUID } from 'node:crypto';
import type { EventSourceMappingRecord } from '../../store/records';
import type { OperationContext, OperationHandler } from '../operation-handler';
import { checkTags, tagMap } from '../tags/tag-limits';
import { SOURCE_RULES, sourceKindOf, type SourceKind } from './event-source-kind';
import { assertNoDuplicate } from './duplicate-mapping';
import { inTransition } from './mapping-lifecycle';
import { describeMapping, mappingArn } from './mapping-ref';
import { checkBatching, checkFilterCriteria, checkMembersForKind, checkRecordAge, checkStartingPosition, mappingFunctionArn } from './mapping-rules';

type Configuration = Omit<EventSourceMappingConfiguration, 'LastModified'>;

/** The members a request gives as they are, when it gives them. */
const GIVEN_AS_IS = [
  'FilterCriteria', 'Topics', 'Queues', 'SourceAccessConfigurations', 'SelfManagedEventSource', 'ScalingConfig',
  'DocumentDBEventSourceConfig', 'KMSKeyArn', 'MetricsConfig', 'LoggingConfig', 'ProvisionedPollerConfig',
] as const;

/** The members given, and for the sources they apply to, the service's defaults. */
function configurationOf(kind: SourceKind, uuid: string, functionArn: string, input: CreateEventSourceMappingCommandInput): Configuration {
  const rules = SOURCE_RULES[kind];
  const given: Record<string, unknown> = {};
  for (const member of GIVEN_AS_IS) if (input[member] !== undefined) given[member] = input[member];
  // Kafka consumers join the group given, else one named after the mapping.
  const consumerGroup = (config: { ConsumerGroupId?: string } | undefined) => ({ ...config, ConsumerGroupId: config?.ConsumerGroupId ?? uuid });
  const window = input.MaximumBatchingWindowInSeconds ?? rules.defaultBatchingWindow;
  return {
    UUID: uuid,
    ...(input.StartingPosition !== undefined ? { StartingPosition: input.StartingPosition } : {}),
    ...(input.StartingPositionTimestamp !== undefined ? { StartingPositionTimestamp: input.StartingPositionTimestamp } : {}),
    BatchSize: input.BatchSize ?? rules.defaultBatchSize,
    ...(window !== undefined ? { MaximumBatchingWindowInSeconds: window } : {}),
    ...(rules.stream ? { ParallelizationFactor: input.ParallelizationFactor ?? 1 } : {}),
    ...(input.EventSourceArn !== undefined ? { EventSourceArn: input.EventSourceArn } : {}),
    FunctionArn: functionArn,
    ...(kind !== 'sqs' ? { LastProcessingResult: 'No records processed' } : {}),
    State: 'Creating',
    StateTransitionReason: rules.transitionReason,
    ...(rules.stream || input.DestinationConfig !== undefined ? { DestinationConfig: { OnFailure: { ...input.DestinationConfig?.OnFailure } } } : {}),
    ...(rules.stream
      ? {
          MaximumRecordAgeInSeconds: input.MaximumRecordAgeInSeconds ?? -1,
          BisectBatchOnFunctionError: input.BisectBatchOnFunctionError ?? false,
          MaximumRetryAttempts: input.MaximumRetryAttempts ?? -1,
          TumblingWindowInSeconds: input.TumblingWindowInSeconds ?? 0,
        }
      : {
          ...(input.MaximumRecordAgeInSeconds !== undefined ? { MaximumRecordAgeInSeconds: input.MaximumRecordAgeInSeconds } : {}),
          ...(input.BisectBatchOnFunctionError !== undefined ? { BisectBatchOnFunctionError: input.BisectBatchOnFunctionError } : {}),
          ...(input.MaximumRetryAttempts !== undefined ? { MaximumRetryAttempts: input.MaximumRetryAttempts } : {}),
        }),
    ...(kind === 'sqs' || rules.stream || input.FunctionResponseTypes !== undefined ? { FunctionResponseTypes: [...(input.FunctionResponseTypes ?? [])] } : {}),
    ...(kind === 'msk' ? { AmazonManagedKafkaEventSourceConfig: consumerGroup(input.AmazonManagedKafkaEventSourceConfig) } : {}),
    ...(kind === 'kafka' ? { SelfManagedKafkaEventSourceConfig: consumerGroup(input.SelfManagedKafkaEventSourceConfig) } : {}),
    ...given,
  };
}

/** The next place in creation order (ListEventSourceMappings lists oldest first). */
function nextOrder(ctx: OperationContext): number {
  let last = -1;
  for (const record of ctx.table('eventSourceMappings').values()) last = Math.max(last, record.order);
  return last + 1;
}

/**
 * CreateEventSourceMapping (202): a mapping from an SQS queue, Kinesis or DynamoDB stream, Amazon
 * MSK or self-managed Kafka cluster, Amazon MQ broker or DocumentDB change stream to a function,
 * version or alias, with each source's defaults and rules. The answer reports it `Creating`; it is
 * `Enabled` (or `Disabled`) once the transition completes (see `settle`).
 */
export const createEventSourceMapping: OperationHandler<'CreateEventSourceMapping'> = (input, ctx) => {
  const kind = sourceKindOf(input.EventSourceArn, input.SelfManagedEventSource);
  checkMembersForKind(kind, input);
  checkStartingPosition(kind, input.EventSourceArn, input.StartingPosition, input.StartingPositionTimestamp);
  const functionArn = mappingFunctionArn(ctx, input.FunctionName!);
  const uuid = randomUUID();
  const configuration = { ...configurationOf(kind, uuid, functionArn, input), EventSourceMappingArn: mappingArn(ctx, uuid) };
  checkBatching(kind, input.EventSourceArn, configuration.BatchSize!, configuration.MaximumBatchingWindowInSeconds);
  checkRecordAge(input.MaximumRecordAgeInSeconds);
  checkFilterCriteria(input.FilterCriteria);
  const tags = tagMap(input.Tags ?? {});
  checkTags(tags);
  assertNoDuplicate(ctx, kind, configuration);
  const created: EventSourceMappingRecord = { configuration, lastModified: ctx.now.toISOString(), order: nextOrder(ctx), tags };
  const record = inTransition(ctx, created, 'Creating', input.Enabled === false ? 'Disabled' : 'Enabled');
  ctx.table('eventSourceMappings').set(uuid, record);
  return describeMapping(record, 'Creating');
};
