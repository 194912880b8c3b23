import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { resourceNotFound } from '../../errors/service-error';
import type { EventSourceMappingRecord } from '../../store/records';
import type { OperationContext } from '../operation-handler';

/** `arn:aws:lambda:<region>:<account>:event-source-mapping:<uuid>` */
export const mappingArn = (ctx: OperationContext, uuid: string): string =>
  `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:event-source-mapping:${uuid}`;

/** The service's 404 for a mapping it does not know (Get, Update, Delete, tagging). */
export const mappingNotFound = (): Error => resourceNotFound('The resource you requested does not exist.');

/** The stored mapping with this UUID, or the service's 404. */
export function storedMapping(ctx: OperationContext, uuid: string): EventSourceMappingRecord {
  const record = ctx.table('eventSourceMappings').get(uuid);
  if (!record) throw mappingNotFound();
  return record;
}

const MAPPING_ARN = /^arn:[^:]+:lambda:([^:]+):(\d{12}):event-source-mapping:([0-9a-fA-F-]+)$/;

/** Whether a tagging request names an event source mapping. */
export const isMappingArn = (resource: string): boolean => /^arn:[^:]+:lambda:[^:]*:[^:]*:event-source-mapping:/.test(resource);

/** The mapping a tagging request names by ARN; one of another region or account is one this region does not have. */
export function mappingByArn(ctx: OperationContext, resource: string): EventSourceMappingRecord {
  const match = MAPPING_ARN.exec(resource);
  if (!match || match[1] !== ctx.region || match[2] !== ctx.accountId) throw mappingNotFound();
  return storedMapping(ctx, match[3]!);
}

/** A mapping as the API answers it, `LastModified` a `Date` as the SDK types it, in the state given. */
export const describeMapping = (record: EventSourceMappingRecord, state = record.configuration.State): EventSourceMappingConfiguration => ({
  ...record.configuration,
  State: state,
  LastModified: new Date(record.lastModified),
});
