import type { ErrorObject, EventType } from '@aws-sdk/client-lambda';
import type { StoredEvent, StoredOperation } from './execution-record';

/** The operation fields every event about an operation repeats. */
type OperationFields = Partial<Pick<StoredOperation, 'Id' | 'Name' | 'ParentId' | 'SubType'>>;

/**
 * The history with one more event: numbered after the last (the first is 1), stamped `at`, naming
 * the operation it is about, with its details under `<EventType>Details` as the service answers.
 */
export function appendEvent(
  events: readonly StoredEvent[],
  at: number,
  type: EventType,
  operation: OperationFields,
  details: object = {},
): readonly StoredEvent[] {
  const event: Record<string, unknown> = { EventType: type, EventId: events.length + 1, EventTimestamp: at };
  if (operation.Id !== undefined) event.Id = operation.Id;
  if (operation.Name !== undefined) event.Name = operation.Name;
  if (operation.ParentId !== undefined) event.ParentId = operation.ParentId;
  if (operation.SubType !== undefined) event.SubType = operation.SubType;
  event[`${type}Details`] = details;
  return [...events, event as StoredEvent];
}

/** `{ Payload }` of an event's `Input` or `Result`. */
export const eventPayload = (payload: string | undefined): { Payload?: string } => (payload === undefined ? {} : { Payload: payload });

/** `{ Payload: error }` of an event's `Error`. */
export const eventError = (error: ErrorObject | undefined): { Payload?: ErrorObject } => (error === undefined ? {} : { Payload: error });

/**
 * An event without the execution data it carries (inputs, results, errors), as
 * `IncludeExecutionData: false` asks.
 */
export function withoutExecutionData(event: StoredEvent): StoredEvent {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    out[key] = key.endsWith('Details') && value !== null && typeof value === 'object' ? stripPayloads(value as Record<string, unknown>) : value;
  }
  return out as StoredEvent;
}

function stripPayloads(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if ((key === 'Input' || key === 'Result' || key === 'Error') && value !== null && typeof value === 'object') {
      const { Payload: _payload, ...rest } = value as Record<string, unknown>;
      out[key] = rest;
    } else {
      out[key] = value;
    }
  }
  return out;
}
