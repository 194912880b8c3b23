import type { Event } from '@aws-sdk/client-lambda';
import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';
import { withoutExecutionData } from './execution-events';
import { withDates } from './execution-record';
import { getExecution } from './execution-ref';

/** `MaxItems` absent or 0 means 100 events; the most one call answers is 1,000. */
export const DURABLE_PAGE = { defaultMax: 100, maxPerPage: 1000 } as const;

/** `MaxItems` as the durable execution APIs read it: 0 stands for the default. */
export const durableMaxItems = (maxItems: number | undefined): number | undefined => (maxItems === 0 ? undefined : maxItems);

/**
 * GetDurableExecutionHistory: the execution's events, oldest first (`ReverseOrder`: newest first),
 * paged; `IncludeExecutionData: false` leaves out the payloads (inputs, results, errors).
 */
export const getDurableExecutionHistory: OperationHandler<'GetDurableExecutionHistory'> = (input, ctx) => {
  const execution = getExecution(ctx, input.DurableExecutionArn!);
  let events = input.IncludeExecutionData === false ? execution.events.map(withoutExecutionData) : execution.events;
  if (input.ReverseOrder) events = [...events].reverse();
  const { page, nextMarker } = paginate(events, input.Marker, durableMaxItems(input.MaxItems), DURABLE_PAGE.defaultMax, DURABLE_PAGE.maxPerPage);
  return { Events: page.map((event) => withDates<Event>(event)), ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
