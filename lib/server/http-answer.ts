import type { ServiceError } from '../errors/service-error';
import { allShapeSpecs as shapeSpecs } from '../model/extra-operations';
import type { MemberSpec, OperationSpec } from '../model/model-types';
import { encodeEventStream } from './event-stream';
import { jsonText } from './json-text';

/** An HTTP response to write: status, headers, and a whole body or the frames of an event stream. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: Uint8Array | string | AsyncIterable<Uint8Array>;
}

const JSON_TYPE = 'application/json';

/** A header value as REST-JSON writes it: dates as HTTP dates, lists comma-separated. */
function headerValue(value: unknown): string {
  if (value instanceof Date) return value.toUTCString();
  if (Array.isArray(value)) return value.map(headerValue).join(', ');
  return String(value);
}

/** Every member of a structure shape, with its name. */
const membersOf = (shapeName: string | undefined): [string, MemberSpec][] =>
  Object.entries((shapeName === undefined ? undefined : shapeSpecs[shapeName]?.members) ?? {});

/**
 * The response to a handler's output, through the output shape's HTTP bindings in the model: the
 * status from the `@httpResponseCode` member (Invoke's `StatusCode`) or the operation's code, header
 * members (`X-Amz-Function-Error`, `X-Amz-Log-Result`, `X-Amz-Executed-Version` …), and a body that is
 * the `@httpPayload` member (raw bytes, or an event stream) or a JSON document of the other members.
 */
export function successAnswer(spec: OperationSpec, output: Readonly<Record<string, unknown>>, requestId: string): HttpAnswer {
  let status = spec.status;
  const headers: Record<string, string> = { 'x-amzn-requestid': requestId };
  let body: HttpAnswer['body'];
  let jsonBody: Record<string, unknown> | undefined;
  for (const [name, member] of membersOf(spec.output)) {
    const value = output[name];
    switch (member.location) {
      case 'responseCode':
        if (typeof value === 'number') status = value;
        break;
      case 'header':
        if (value !== undefined && value !== null) headers[(member.locationName ?? name).toLowerCase()] = headerValue(value);
        break;
      case 'payload': {
        const target = shapeSpecs[member.target];
        if (value === undefined || value === null) break;
        if (target?.streaming && target.type === 'union') {
          headers['content-type'] ??= 'application/vnd.amazon.eventstream';
          body = encodeEventStream(member.target, value as AsyncIterable<Record<string, unknown>>);
        } else if (target?.type === 'blob') {
          body = value instanceof Uint8Array ? value : String(value);
        } else {
          body = jsonText(value);
        }
        break;
      }
      default:
        jsonBody ??= {};
        if (value !== undefined) jsonBody[name] = value;
    }
  }
  if (jsonBody) body = jsonText(jsonBody);
  // A header member bound to Content-Type (InvokeWithResponseStream's) has already set it.
  if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = JSON_TYPE;
  return { status, headers, body };
}

/**
 * An error as the service answers it: its status, `x-amzn-errortype: <code>`, and a JSON body with
 * `Type` and the message under the name the error's shape gives it (`Message` or `message`), plus the
 * error's own members; a member bound to a header (TooManyRequestsException's `Retry-After`) goes there.
 */
export function errorAnswer(error: ServiceError, requestId: string): HttpAnswer {
  const headers: Record<string, string> = {
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': error.code,
    'content-type': JSON_TYPE,
  };
  const members = membersOf(shapeSpecs[error.code] ? error.code : undefined);
  const messageMember = members.find(([name]) => name === 'Message')?.[0] ?? 'message';
  const body: Record<string, unknown> = {};
  if (error.type !== undefined) body.Type = error.type;
  body[messageMember] = error.message;
  for (const [name, value] of Object.entries(error.members)) {
    const member = members.find(([memberName]) => memberName === name)?.[1];
    if (member?.location === 'header') headers[(member.locationName ?? name).toLowerCase()] = headerValue(value);
    else body[name] = value;
  }
  return { status: error.status, headers, body: jsonText(body) };
}
