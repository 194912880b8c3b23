import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';
import { isPending, settleFunction } from './function-lifecycle';

/** ListFunctions: `$LATEST` of every function by name (every version with `FunctionVersion: ALL`), paged. */
export const listFunctions: OperationHandler<'ListFunctions'> = (input, ctx) => {
  const functions = ctx.table('functions');
  const names = [...functions.values()].map((fn) => fn.name).sort();
  const all: FunctionConfiguration[] = [];
  for (const name of names) {
    let fn = functions.get(name)!;
    if (ctx.settleMode === 'on-read' && isPending(fn)) functions.set(name, (fn = settleFunction(fn)));
    all.push(fn.latest.configuration);
    if (input.FunctionVersion === 'ALL') for (const v of fn.versions) all.push(v.configuration);
  }
  const { page, nextMarker } = paginate(all, input.Marker, input.MaxItems);
  return { Functions: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
