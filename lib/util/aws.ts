import { randomUUID } from 'node:crypto';

/** The partition a region belongs to. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

/** A timestamp as Lambda writes `LastModified`: `2024-01-01T00:00:00.000+0000`. */
export const lambdaTimestamp = (date: Date): string => date.toISOString().replace('Z', '+0000');

/** A new `RevisionId` (a UUID, as the service uses). */
export const newRevisionId = (): string => randomUUID();
