import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';
import { isPending, settleFunction } from './function-lifecycle';

/** ListFunctions returns at most 50 functions per call, even with a higher `MaxItems`. */
const MAX_PER_PAGE = 50;

/** Members ListFunctions leaves out of each configuration: the service sends them only with GetFunction. */
const NOT_LISTED: readonly (keyof FunctionConfiguration)[] = [
  'State', 'StateReason', 'StateReasonCode', 'LastUpdateStatus', 'LastUpdateStatusReason',
  'LastUpdateStatusReasonCode', 'RuntimeVersionConfig',
];

function listed(configuration: Readonly<FunctionConfiguration>): FunctionConfiguration {
  const copy: FunctionConfiguration = { ...configuration };
  for (const key of NOT_LISTED) delete copy[key];
  return copy;
}

/** ListFunctions: `$LATEST` of every function by name (every version with `FunctionVersion: ALL`), paged. */
export const listFunctions: OperationHandler<'ListFunctions'> = (input, ctx) => {
  const functions = ctx.table('functions');
  const names = [...functions.values()].map((fn) => fn.name).sort();
  const all: Readonly<FunctionConfiguration>[] = [];
  for (const name of names) {
    let fn = functions.get(name)!;
    if (ctx.settleMode === 'on-read' && isPending(fn)) functions.set(name, (fn = settleFunction(fn)));
    all.push(fn.latest.configuration);
    if (input.FunctionVersion === 'ALL') for (const v of fn.versions) all.push(v.configuration);
  }
  const { page, nextMarker } = paginate(all, input.Marker, input.MaxItems, MAX_PER_PAGE, MAX_PER_PAGE);
  return { Functions: page.map(listed), ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
