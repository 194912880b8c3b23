import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { allShapeSpecs as shapeSpecs } from '../model/extra-operations';
import { jsonText } from './json-text';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/**
 * One event of a union event stream (`{ PayloadChunk: { Payload } }`) as an
 * `application/vnd.amazon.eventstream` message: `:event-type` names the union member; a member
 * marked `@eventPayload` is the whole body (raw bytes for a blob), otherwise the event's members are
 * a JSON body.
 */
function encodeEvent(unionShape: string, event: Record<string, unknown>): Uint8Array | undefined {
  const members = shapeSpecs[unionShape]?.members ?? {};
  const eventType = Object.keys(event).find((key) => event[key] !== undefined && key in members);
  if (eventType === undefined) return undefined;
  const data = (event[eventType] ?? {}) as Record<string, unknown>;
  const eventShape = shapeSpecs[members[eventType]!.target]?.members ?? {};
  const payloadMember = Object.keys(eventShape).find((name) => eventShape[name]!.eventPayload);
  let body: Uint8Array;
  let contentType: string;
  if (payloadMember === undefined) {
    body = fromUtf8(jsonText(data));
    contentType = 'application/json';
  } else {
    const payload = data[payloadMember];
    const isBlob = shapeSpecs[eventShape[payloadMember]!.target]?.type === 'blob';
    body = payload instanceof Uint8Array ? payload : fromUtf8(typeof payload === 'string' ? payload : jsonText(payload ?? {}));
    contentType = isBlob ? 'application/octet-stream' : typeof payload === 'string' ? 'text/plain' : 'application/json';
  }
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':message-type': { type: 'string', value: 'event' },
      ':content-type': { type: 'string', value: contentType },
    },
    body,
  });
}

/** The messages of an event stream a handler answered (an async iterable of union events), encoded. */
export async function* encodeEventStream(unionShape: string, events: AsyncIterable<Record<string, unknown>>): AsyncGenerator<Uint8Array> {
  for await (const event of events) {
    const message = encodeEvent(unionShape, event);
    if (message) yield message;
  }
}
