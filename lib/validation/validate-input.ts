import { invalidRequestContent, validationError } from '../errors/service-error';
import type { MemberSpec, ShapeSpec } from '../model/model-types';
import { allShapeSpecs as shapeSpecs } from '../model/extra-operations';

const patterns = new Map<string, RegExp>();
/**
 * The model's pattern as the service applies it: to the whole value (Java's `matches()`). Tested
 * as a plain JavaScript search, a pattern such as `^(arn:…)|()$` (KMSKeyArn) or
 * `^\$(LATEST…)|[a-zA-Z0-9-_$]+$` (a qualifier) accepts almost anything.
 */
const regex = (pattern: string): RegExp => {
  let compiled = patterns.get(pattern);
  if (!compiled) patterns.set(pattern, (compiled = new RegExp(`^(?:${pattern})$`)));
  return compiled;
};

/**
 * Shapes the model marks `@sensitive`: the service leaves their value out of its message
 * (`Value at 'environment.variables' failed to satisfy constraint: …`). The generated model does
 * not carry the trait, so the list is kept here (every sensitive shape of the model).
 */
const SENSITIVE = new Set([
  'BinaryOperationPayload', 'Blob', 'EnvironmentVariableName', 'EnvironmentVariableValue', 'EnvironmentVariables',
  'ErrorData', 'ErrorMessage', 'ErrorType', 'InputPayload', 'OperationPayload', 'OutputPayload', 'SensitiveString',
  'StackTraceEntry',
]);

/** The service names members lowerCamelCase by lowering only the first letter (`KMSKeyArn` → `kMSKeyArn`). */
const wireName = (member: string): string => member.charAt(0).toLowerCase() + member.slice(1);

const javaType: Record<string, string> = {
  string: 'java.lang.String', integer: 'java.lang.Integer', long: 'java.lang.Long', double: 'java.lang.Double',
  boolean: 'java.lang.Boolean', blob: 'java.nio.ByteBuffer', timestamp: 'java.util.Date',
  structure: 'java.util.LinkedHashMap', union: 'java.util.LinkedHashMap', list: 'java.util.ArrayList', map: 'java.util.LinkedHashMap',
};

function describe(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => describe(v)).join(', ')}]`;
  if (value instanceof Uint8Array) return 'java.nio.HeapByteBuffer';
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}=${describe(v)}`).join(', ')}}`;
  return String(value);
}

/** The JSON token a value would be, as Jackson names it in its message. */
function tokenOf(value: unknown): string {
  if (Array.isArray(value)) return 'Array value';
  if (typeof value === 'string') return `String "${value}"`;
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer value' : 'Floating-point value';
  if (typeof value === 'boolean') return 'Boolean value';
  return 'Object value';
}

const PARSE_ERROR = 'Could not parse request body into json: Could not parse payload into json: ';

function wrongType(shape: ShapeSpec, value: unknown): never {
  throw invalidRequestContent(`${PARSE_ERROR}Cannot deserialize value of type \`${javaType[shape.type] ?? shape.type}\` from ${tokenOf(value)}`);
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** `null`, `undefined` and numbers JSON cannot carry all reach the service as null. */
const isAbsent = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'number' && !Number.isFinite(value));

function checkType(shape: ShapeSpec, value: unknown): void {
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') wrongType(shape, value);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) wrongType(shape, value);
      if (value < INT_MIN || value > INT_MAX) {
        throw invalidRequestContent(`${PARSE_ERROR}Numeric value (${value}) out of range of int (${INT_MIN} - ${INT_MAX})`);
      }
      return;
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) wrongType(shape, value);
      return;
    case 'double':
      if (typeof value !== 'number') wrongType(shape, value);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') wrongType(shape, value);
      return;
    case 'blob':
      if (typeof value !== 'string' && !(value instanceof Uint8Array)) wrongType(shape, value);
      return;
    case 'timestamp':
      if (!(value instanceof Date) && typeof value !== 'number' && typeof value !== 'string') wrongType(shape, value);
      return;
    case 'list':
      if (!Array.isArray(value)) wrongType(shape, value);
      return;
    default:
      if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) wrongType(shape, value);
  }
}

/** The constraint messages a value breaks, in the service's words (without the `Value … at …` prefix). */
function constraintFailures(shape: ShapeSpec, own: MemberSpec | undefined, value: unknown): string[] {
  const failures: string[] = [];
  const min = own?.min ?? shape.min;
  const max = own?.max ?? shape.max;
  const pattern = own?.pattern ?? shape.pattern;
  const isNumber = shape.type === 'integer' || shape.type === 'long' || shape.type === 'double';
  const size = isNumber
    ? (value as number)
    : Array.isArray(value)
      ? value.length
      : typeof value === 'string'
        ? shape.type === 'blob' ? Buffer.byteLength(value) : value.length
        : value instanceof Uint8Array
          ? value.byteLength
          : value !== null && typeof value === 'object'
            ? Object.keys(value).length
            : undefined;
  if (size !== undefined) {
    const what = isNumber ? 'value' : 'length';
    // The service prints a double's bounds as Java does: `1.0`, not `1`.
    const bound = (n: number): string => (shape.type === 'double' && Number.isInteger(n) ? n.toFixed(1) : String(n));
    if (min !== undefined && size < min) failures.push(`Member must have ${what} greater than or equal to ${bound(min)}`);
    if (max !== undefined && size > max) failures.push(`Member must have ${what} less than or equal to ${bound(max)}`);
  }
  if (shape.enum && typeof value === 'string' && !shape.enum.includes(value)) {
    failures.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  }
  if (pattern !== undefined && typeof value === 'string' && !regex(pattern).test(value)) {
    failures.push(`Member must satisfy regular expression pattern: ${pattern}`);
  }
  return failures;
}

function shapeOf(name: string): ShapeSpec {
  const shape = shapeSpecs[name];
  if (!shape) throw new Error(`lambda-mock: no shape ${name} in the model`);
  return shape;
}

const quote = (value: unknown): string => `'${describe(value)}'`;

/** `Value '…' at 'path'`, or `Value at 'path'` for a sensitive shape, whose value the service never repeats. */
const at = (shapeName: string, value: unknown, path: string): string =>
  SENSITIVE.has(shapeName) ? `Value at '${path}'` : `Value ${quote(value)} at '${path}'`;

/**
 * Checks one present value: its type (throwing `InvalidRequestContentException`, as the service's
 * parser does, however deep the value), then its constraints, then what it contains. Constraint
 * failures of list elements and map keys and values are gathered into one failure of the list or
 * map (`Member must satisfy constraint: [...]`), as the service words them; members of structures
 * inside a list are reported at `list.N.member.name`, N counting from 1.
 */
function validateValue(shapeName: string, own: MemberSpec | undefined, value: unknown, path: string, out: string[]): void {
  const shape = shapeOf(shapeName);
  checkType(shape, value);
  dropAbsentEntries(shape, value);
  for (const failure of constraintFailures(shape, own, value)) {
    out.push(`${at(shapeName, value, path)} failed to satisfy constraint: ${failure}`);
  }
  if (shape.type === 'structure' || shape.type === 'union') {
    validateStructure(shape, value as Record<string, unknown>, `${path}.`, out);
  } else if (shape.type === 'list' && shape.member) {
    const elements = value as unknown[];
    const nested = new Set<string>();
    for (let i = 0; i < elements.length; i++) {
      collectNested(shape.member, elements[i], `${path}.${i + 1}.member`, nested, out);
    }
    if (nested.size > 0) {
      out.push(`${at(shapeName, value, path)} failed to satisfy constraint: Member must satisfy constraint: [${[...nested].join(', ')}]`);
    }
  } else if (shape.type === 'map' && shape.key && shape.value) {
    const keyShape = shapeOf(shape.key);
    const keyFailures = new Set<string>();
    const valueFailures = new Set<string>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      for (const failure of constraintFailures(keyShape, undefined, k)) keyFailures.add(failure);
      collectNested(shape.value, v, `${path}.${k}`, valueFailures, out);
    }
    if (keyFailures.size > 0) {
      out.push(`${at(shapeName, value, path)} failed to satisfy constraint: Map keys must satisfy constraint: [${[...keyFailures].join(', ')}]`);
    }
    if (valueFailures.size > 0) {
      out.push(`${at(shapeName, value, path)} failed to satisfy constraint: Map value must satisfy constraint: [${[...valueFailures].join(', ')}]`);
    }
  }
}

/**
 * Removes `null` list elements and map values from the private copy of the input before anything is
 * counted or checked: the SDK's serializer leaves them out, so the service never receives them.
 */
function dropAbsentEntries(shape: ShapeSpec, value: unknown): void {
  if (shape.type === 'list' && Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) if (isAbsent(value[i])) value.splice(i, 1);
  } else if (shape.type === 'map' && value !== null && typeof value === 'object') {
    const entries = value as Record<string, unknown>;
    for (const key of Object.keys(entries)) if (isAbsent(entries[key])) delete entries[key];
  }
}

/**
 * One element of a list or value of a map: its own constraint failures go to `failures` (reported
 * on the collection); a structure's members, or a nested collection, are validated in full.
 */
function collectNested(shapeName: string, element: unknown, path: string, failures: Set<string>, out: string[]): void {
  const shape = shapeOf(shapeName);
  if (shape.type === 'structure' || shape.type === 'union' || shape.type === 'list' || shape.type === 'map') {
    validateValue(shapeName, undefined, element, path, out);
    return;
  }
  checkType(shape, element);
  for (const failure of constraintFailures(shape, undefined, element)) failures.add(failure);
}

function validateStructure(shape: ShapeSpec, input: Record<string, unknown>, prefix: string, out: string[]): void {
  const members = shape.members ?? {};
  for (const name in members) {
    const member = members[name]!;
    const value = input[name];
    const path = prefix + wireName(name);
    if (isAbsent(value)) {
      if (member.required) out.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
      // What JSON carries as null is no value at all: the handler must not see `null` or `NaN`.
      if (value !== undefined) delete input[name];
      continue;
    }
    validateValue(member.target, member, value, path, out);
  }
}

/**
 * Checks an operation's input against the API model's constraints (required, type, length, range,
 * pattern, enum) and throws what the service answers: `ValidationException` listing every failed
 * constraint, or `InvalidRequestContentException` for a value of the wrong type. Members, list
 * elements and map values that are `null` (or a number JSON cannot carry) are removed from `input`, a
 * private copy, as the service never receives them.
 */
export function validateInput(inputShape: string | undefined, input: unknown): void {
  if (inputShape === undefined) return;
  const shape = shapeOf(inputShape);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) wrongType(shape, input);
  const violations: string[] = [];
  validateStructure(shape, input as Record<string, unknown>, '', violations);
  if (violations.length > 0) throw validationError(violations);
}
