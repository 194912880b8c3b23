import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { freeze } from 'immer';
import type { FunctionState, FunctionVersionState } from '../../store/records';
import { lambdaTimestamp, newRevisionId } from '../../util/aws';
import type { OperationContext } from '../operation-handler';
import { functionArn } from './function-ref';
import { PENDING_CREATE } from './function-lifecycle';

/** Stores a function record, deep-frozen so that no answer or later change can alter it in place. */
export function saveFunction(ctx: OperationContext, fn: FunctionState): FunctionState {
  const frozen = freeze(fn, true);
  ctx.table('functions').set(fn.name, frozen);
  return frozen;
}

/** Members that differ between versions of the same code and configuration. */
const VOLATILE: readonly (keyof FunctionConfiguration)[] = [
  'FunctionArn', 'Version', 'RevisionId', 'LastModified', 'State', 'StateReason', 'StateReasonCode',
  'LastUpdateStatus', 'LastUpdateStatusReason', 'LastUpdateStatusReasonCode', 'Description',
];

/** Objects with their keys sorted: `{ A, B }` and `{ B, A }` (e.g. environment variables) are the same settings. */
const sortedKeys = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
};

const fingerprint = (c: Readonly<FunctionConfiguration>): string =>
  JSON.stringify(c, (key, value: unknown) => (VOLATILE.includes(key as keyof FunctionConfiguration) ? undefined : sortedKeys(value)));

/** Whether two configurations differ in anything but their identity and status members. */
export const sameConfiguration = (a: Readonly<FunctionConfiguration>, b: Readonly<FunctionConfiguration>): boolean =>
  fingerprint(a) === fingerprint(b);

/**
 * Publishes `$LATEST` as the next version, or returns the last version when nothing changed since
 * it was published (as the service does).
 */
export function publishLatest(
  ctx: OperationContext,
  fn: FunctionState,
  description?: string,
): { fn: FunctionState; version: FunctionVersionState } {
  const last = fn.versions[fn.versions.length - 1];
  if (last && sameConfiguration(last.configuration, fn.latest.configuration)) return { fn, version: last };
  const number = String(fn.nextVersion);
  const version: FunctionVersionState = {
    code: fn.latest.code,
    configuration: {
      ...fn.latest.configuration,
      ...PENDING_CREATE,
      FunctionArn: functionArn(ctx, fn.name, number),
      Version: number,
      Description: description ?? fn.latest.configuration.Description,
      LastModified: lambdaTimestamp(ctx.now),
      RevisionId: newRevisionId(),
      LastUpdateStatus: undefined,
      LastUpdateStatusReason: undefined,
      LastUpdateStatusReasonCode: undefined,
    },
  };
  stripUndefined(version.configuration as Record<string, unknown>);
  ctx.markPending(fn.name);
  return { fn: { ...fn, versions: [...fn.versions, version], nextVersion: fn.nextVersion + 1 }, version };
}

function stripUndefined(o: Record<string, unknown>): void {
  for (const key of Object.keys(o)) if (o[key] === undefined) delete o[key];
}
