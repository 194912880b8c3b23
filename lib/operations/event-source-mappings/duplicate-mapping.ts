import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { resourceConflict } from '../../errors/service-error';
import type { OperationContext } from '../operation-handler';
import type { SourceKind } from './event-source-kind';

/** The members of a mapping that say what it reads and which function it invokes. */
type MappingSettings = Pick<EventSourceMappingConfiguration, 'UUID' | 'EventSourceArn' | 'SelfManagedEventSource' | 'FunctionArn' | 'Topics'>;

/** The sources of a mapping, for finding a second mapping of the same source: its ARN, or a self-managed cluster's servers. */
const sourcesOf = (c: MappingSettings): string[] => (c.EventSourceArn !== undefined ? [c.EventSourceArn] : [...(c.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS ?? [])]);

/**
 * The service's 409 for a second mapping of the same source (and, for Kafka, topic) to the same function, worded per source.
 * The mapping itself (same UUID, on update) is not a second one.
 */
export function assertNoDuplicate(ctx: OperationContext, kind: SourceKind, proposed: MappingSettings): void {
  const sources = sourcesOf(proposed);
  const functionName = proposed.FunctionArn!.split(':')[6];
  for (const { configuration: existing } of ctx.table('eventSourceMappings').values()) {
    if (existing.UUID === proposed.UUID || existing.FunctionArn !== proposed.FunctionArn || !sourcesOf(existing).some((s) => sources.includes(s))) continue;
    const uuid = existing.UUID!;
    if (kind === 'msk' || kind === 'kafka') {
      if (!(existing.Topics ?? []).some((t) => proposed.Topics?.includes(t))) continue;
      throw resourceConflict(
        `An event source mapping with event source ("${sources.join(',')}"), function ("${proposed.FunctionArn}"), topics ("${(proposed.Topics ?? []).join(',')}") already exists. Please update or delete the existing mapping with UUID ${uuid}`,
      );
    }
    if (kind === 'sqs') {
      throw resourceConflict(
        `An event source mapping with SQS arn (" ${existing.EventSourceArn} ") and function (" ${functionName} ") already exists. Please update or delete the existing mapping with UUID ${uuid}`,
      );
    }
    throw resourceConflict(
      `The event source arn (" ${existing.EventSourceArn} ") and function (" ${functionName} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${uuid}`,
    );
  }
}

