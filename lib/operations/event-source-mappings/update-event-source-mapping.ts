import type { EventSourceMappingConfiguration, UpdateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';
import type { OperationHandler } from '../operation-handler';
import { sourceKindOf } from './event-source-kind';
import { assertNoDuplicate } from './duplicate-mapping';
import { assertNotInTransition, inTransition } from './mapping-lifecycle';
import { describeMapping, storedMapping } from './mapping-ref';
import { checkBatching, checkFilterCriteria, checkMembersForKind, checkRecordAge, mappingFunctionArn } from './mapping-rules';

type Configuration = Omit<EventSourceMappingConfiguration, 'LastModified'>;

/** The members an update replaces when it gives them. */
const REPLACED = [
  'BatchSize', 'MaximumBatchingWindowInSeconds', 'MaximumRecordAgeInSeconds', 'BisectBatchOnFunctionError', 'MaximumRetryAttempts',
  'ParallelizationFactor', 'SourceAccessConfigurations', 'TumblingWindowInSeconds', 'FunctionResponseTypes', 'ScalingConfig',
  'DocumentDBEventSourceConfig', 'KMSKeyArn', 'MetricsConfig', 'LoggingConfig', 'ProvisionedPollerConfig',
] as const;

/** The configuration with the update's members applied; an empty `FilterCriteria` removes the filters. */
function updated(current: Configuration, input: UpdateEventSourceMappingCommandInput, functionArn: string | undefined): Configuration {
  const next: Record<string, unknown> = { ...current };
  for (const member of REPLACED) if (input[member] !== undefined) next[member] = input[member];
  if (functionArn !== undefined) next.FunctionArn = functionArn;
  if (input.DestinationConfig !== undefined) next.DestinationConfig = { OnFailure: { ...input.DestinationConfig.OnFailure } };
  if (input.FilterCriteria !== undefined) {
    if ((input.FilterCriteria.Filters ?? []).length > 0) next.FilterCriteria = input.FilterCriteria;
    else delete next.FilterCriteria;
  }
  // A Kafka consumer group stays the one the mapping joined; its schema registry can change.
  if (input.AmazonManagedKafkaEventSourceConfig !== undefined) {
    next.AmazonManagedKafkaEventSourceConfig = { ...input.AmazonManagedKafkaEventSourceConfig, ...current.AmazonManagedKafkaEventSourceConfig };
  }
  if (input.SelfManagedKafkaEventSourceConfig !== undefined) {
    next.SelfManagedKafkaEventSourceConfig = { ...input.SelfManagedKafkaEventSourceConfig, ...current.SelfManagedKafkaEventSourceConfig };
  }
  return next as Configuration;
}

/**
 * UpdateEventSourceMapping (202): changes a mapping's function, batching, error handling, filters or
 * `Enabled`, under the same rules as CreateEventSourceMapping. It answers `Updating`, or `Enabling` /
 * `Disabling` when `Enabled` changes; a mapping still in a transition answers `ResourceInUseException`.
 */
export const updateEventSourceMapping: OperationHandler<'UpdateEventSourceMapping'> = (input, ctx) => {
  const record = storedMapping(ctx, input.UUID!);
  assertNotInTransition(record, 'update');
  const current = record.configuration;
  const kind = sourceKindOf(current.EventSourceArn, current.SelfManagedEventSource);
  checkMembersForKind(kind, input);
  const functionArn = input.FunctionName === undefined ? undefined : mappingFunctionArn(ctx, input.FunctionName);
  const configuration = updated(current, input, functionArn);
  checkBatching(kind, current.EventSourceArn, configuration.BatchSize!, configuration.MaximumBatchingWindowInSeconds);
  checkRecordAge(input.MaximumRecordAgeInSeconds);
  checkFilterCriteria(input.FilterCriteria);
  assertNoDuplicate(ctx, kind, configuration);
  const wasEnabled = current.State === 'Enabled';
  const enabled = input.Enabled ?? wasEnabled;
  const transitional = enabled === wasEnabled ? 'Updating' : enabled ? 'Enabling' : 'Disabling';
  const next = inTransition(ctx, { ...record, configuration, lastModified: ctx.now.toISOString() }, transitional, enabled ? 'Enabled' : 'Disabled');
  ctx.table('eventSourceMappings').set(input.UUID!, next);
  return describeMapping(next, transitional);
};
