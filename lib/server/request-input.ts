import type { IncomingHttpHeaders } from 'node:http';
import { invalidRequestContent } from '../errors/service-error';
import { allShapeSpecs as shapeSpecs } from '../model/extra-operations';
import type { MemberSpec, OperationSpec, ShapeSpec } from '../model/model-types';

/** What one HTTP request carries, once routed and read. */
export interface HttpRequestParts {
  readonly labels: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

const PARSE_ERROR = 'Could not parse request body into json: Could not parse payload into json: ';

const shapeOf = (name: string): ShapeSpec => {
  const shape = shapeSpecs[name];
  if (!shape) throw new Error(`lambda-mock: no shape ${name} in the model`);
  return shape;
};

/** Sets a key as an own property, even `__proto__`, so that no request can change a prototype. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * A value sent as text (a label, query parameter or header) in the type its shape has. Text that is
 * not of that type is passed on as it is, for validation to answer as the service does.
 */
function fromText(shapeName: string, text: string): unknown {
  switch (shapeOf(shapeName).type) {
    case 'integer':
    case 'long':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'double':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'timestamp': {
      const date = new Date(/^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : text);
      return Number.isNaN(date.getTime()) ? text : date;
    }
    default:
      return text;
  }
}

/**
 * A JSON value in the form the SDK's input types give it: blobs (base64 in JSON) as bytes,
 * timestamps (epoch seconds) as `Date`s, members the model does not know dropped. A value of the
 * wrong JSON type is kept, for validation to answer `InvalidRequestContentException`.
 */
export function fromJson(shapeName: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case 'blob':
      return typeof value === 'string' ? Buffer.from(value, 'base64') : value;
    case 'timestamp':
      return typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? fromText(shapeName, value) : value;
    case 'list':
      return Array.isArray(value) ? value.map((element) => fromJson(shape.member!, element)) : value;
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, element] of Object.entries(value)) put(out, key, fromJson(shape.value!, element));
      return out;
    }
    case 'structure':
    case 'union': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const members = shape.members ?? {};
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(members)) {
        if (Object.prototype.hasOwnProperty.call(value, name)) out[name] = fromJson(member.target, (value as Record<string, unknown>)[name]);
      }
      return out;
    }
    default:
      return value;
  }
}

const EXPECTED_VALUE = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const describeChar = (char: string): string => `'${char}' (code ${char.codePointAt(0)})`;

/** Jackson's words (the service's parser) for a body that is not JSON, from where `JSON.parse` stopped. */
function jsonFailure(text: string, error: Error): string {
  const trimmed = text.trimStart();
  const first = trimmed[0];
  if (first === undefined) return 'No content to map due to end-of-input';
  if (/[a-zA-Z]/.test(first) && !/^(true|false|null)\b/.test(trimmed)) {
    return `Unrecognized token '${/^[\w$]+/.exec(trimmed)![0]}': was expecting ${EXPECTED_VALUE}`;
  }
  if (!'{["-0123456789tfn'.includes(first)) return `Unexpected character (${describeChar(first)}): expected a valid value ${EXPECTED_VALUE}`;
  // V8 names the offending character, or where it is, or that the document ended early.
  const position = /position (\d+)/.exec(error.message)?.[1];
  const at = position === undefined ? /Unexpected token '(.)'/u.exec(error.message)?.[1] : text[Number(position)];
  return at === undefined ? 'Unexpected end-of-input: expected close marker for Object' : `Unexpected character (${describeChar(at)})`;
}

/** The request's JSON body, parsed (an empty body is `{}`, as the SDK sends for an input without body members). */
function parseJsonBody(body: Buffer): unknown {
  if (body.byteLength === 0) return {};
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidRequestContent(PARSE_ERROR + jsonFailure(text, error as Error));
  }
}

function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

function boundValue(member: MemberSpec, name: string, request: HttpRequestParts): unknown {
  const shape = shapeOf(member.target);
  switch (member.location) {
    case 'label':
      return request.labels[name] === undefined ? undefined : fromText(member.target, request.labels[name]);
    case 'query': {
      const values = request.query.getAll(member.locationName ?? name);
      if (values.length === 0) return undefined;
      return shape.type === 'list' ? values.map((v) => fromText(shape.member!, v)) : fromText(member.target, values[0]!);
    }
    case 'header': {
      const text = headerText(request.headers, member.locationName ?? name);
      if (text === undefined) return undefined;
      return shape.type === 'list' ? text.split(',').map((v) => fromText(shape.member!, v.trim())) : fromText(member.target, text);
    }
    case 'payload':
      if (shape.type === 'blob') return request.body.byteLength === 0 ? undefined : request.body;
      return request.body.byteLength === 0 ? undefined : fromJson(member.target, parseJsonBody(request.body));
    default:
      return undefined;
  }
}

/**
 * The SDK input (`XCommandInput`) an HTTP request describes, read through the operation's HTTP
 * bindings in the model: path labels, query parameters, headers (`X-Amz-Invocation-Type` …), a raw
 * payload (Invoke's `Payload`) or the JSON body's members. A body that is not JSON answers the
 * service's `InvalidRequestContentException`.
 */
export function requestInput(spec: OperationSpec, request: HttpRequestParts): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (spec.input === undefined) return input;
  const members = shapeOf(spec.input).members ?? {};
  let body: Record<string, unknown> | undefined;
  for (const [name, member] of Object.entries(members)) {
    if (member.location === undefined) {
      body ??= bodyObject(request.body);
      if (Object.prototype.hasOwnProperty.call(body, name)) input[name] = fromJson(member.target, body[name]);
      continue;
    }
    const value = boundValue(member, name, request);
    if (value !== undefined) input[name] = value;
  }
  return input;
}

/** The JSON body as an object; a document that is not an object is the service's wrong-type answer. */
function bodyObject(raw: Buffer): Record<string, unknown> {
  const parsed = parseJsonBody(raw);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const token =
      parsed === null ? 'Null value' : Array.isArray(parsed) ? 'Array value' : typeof parsed === 'string' ? `String "${parsed}"` : `${typeof parsed === 'number' ? 'Number' : 'Boolean'} value`;
    throw invalidRequestContent(`${PARSE_ERROR}Cannot deserialize value of type \`java.util.LinkedHashMap\` from ${token}`);
  }
  return parsed as Record<string, unknown>;
}
