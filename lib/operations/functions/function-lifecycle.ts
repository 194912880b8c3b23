import type { FunctionConfiguration, LastUpdateStatusReasonCode } from '@aws-sdk/client-lambda';
import { produce } from 'immer';
import { newRevisionId } from '../../util/aws';
import { preconditionFailed, resourceConflict } from '../../errors/service-error';
import type { FunctionState, FunctionVersionState } from '../../store/records';
import type { OperationContext } from '../operation-handler';
import { functionArn, getFunctionState, type FunctionRef } from './function-ref';

/** What CreateFunction and PublishVersion answer while the function is still being created. */
export const PENDING_CREATE: Partial<FunctionConfiguration> = {
  State: 'Pending',
  StateReason: 'The function is being created.',
  StateReasonCode: 'Creating',
};

/**
 * What an update answers while it is still being applied, in the service's own words: it reports the
 * code `Creating`, which the model's enum of reason codes lacks.
 */
export const UPDATE_IN_PROGRESS: Partial<FunctionConfiguration> = {
  LastUpdateStatus: 'InProgress',
  LastUpdateStatusReason: 'The function is being created.',
  LastUpdateStatusReasonCode: 'Creating' as LastUpdateStatusReasonCode,
};

const hasTransition = (c: Readonly<FunctionConfiguration>): boolean =>
  c.State === 'Pending' || c.LastUpdateStatus === 'InProgress';

export const isPending = (fn: FunctionState): boolean =>
  hasTransition(fn.latest.configuration) || fn.versions.some((v) => hasTransition(v.configuration));

function settleVersion(version: FunctionVersionState): FunctionVersionState {
  if (!hasTransition(version.configuration)) return version;
  return produce(version, (draft) => {
    const c = draft.configuration;
    if (c.State === 'Pending') {
      c.State = 'Active';
      delete c.StateReason;
      delete c.StateReasonCode;
    }
    // Completing an update is itself a change: the service gives `$LATEST` a new RevisionId then,
    // so the one the update answered is stale once a waiter has seen the function updated.
    if (c.LastUpdateStatus === 'InProgress') c.RevisionId = newRevisionId();
    c.LastUpdateStatus = 'Successful';
    delete c.LastUpdateStatusReason;
    delete c.LastUpdateStatusReasonCode;
  });
}

/** The function with every pending transition completed (`Pending` → `Active`, `InProgress` → `Successful`). */
export function settleFunction(fn: FunctionState): FunctionState {
  if (!isPending(fn)) return fn;
  return { ...fn, latest: settleVersion(fn.latest), versions: fn.versions.map(settleVersion) };
}

/**
 * The function as a read (GetFunction, GetFunctionConfiguration, ListFunctions) sees it. In
 * `on-read` mode the read completes its transitions, as a waiter's poll does against AWS.
 */
export function readFunction(ctx: OperationContext, ref: FunctionRef): FunctionState {
  const fn = getFunctionState(ctx, ref);
  if (ctx.settleMode !== 'on-read' || !isPending(fn)) return fn;
  const settled = settleFunction(fn);
  ctx.table('functions').set(fn.name, settled);
  return settled;
}

/** The service's 409 for a change or invoke while the function is being created or updated. */
export function assertNoTransition(ctx: OperationContext, fn: FunctionState): void {
  const c = fn.latest.configuration;
  if (c.State === 'Pending') {
    throw resourceConflict(
      'The operation cannot be performed at this time. The function is currently in the following state: Pending',
    );
  }
  if (c.LastUpdateStatus === 'InProgress') {
    throw resourceConflict(
      `The operation cannot be performed at this time. An update is in progress for resource: ${functionArn(ctx, fn.name)}`,
    );
  }
}

/** The service's 412 for a `RevisionId` that is not the current one. */
export function assertRevision(current: string | undefined, given: string | undefined): void {
  if (given !== undefined && given !== current) {
    throw preconditionFailed(
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
    );
  }
}

/**
 * An invoke of a function or version still being created meets the service's 409 (an update in
 * progress does not block invokes: the previous code answers).
 */
export function assertInvocable(version: FunctionVersionState): void {
  if (version.configuration.State === 'Pending') {
    throw resourceConflict(
      'The operation cannot be performed at this time. The function is currently in the following state: Pending',
    );
  }
}
