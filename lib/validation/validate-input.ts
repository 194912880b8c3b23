import { invalidRequestContent, validationError } from '../errors/service-error';
import type { MemberSpec, ShapeSpec } from '../model/model-types';
import { shapeSpecs } from '../model/lambda-model.generated';

const patterns = new Map<string, RegExp>();
const regex = (pattern: string): RegExp => {
  let compiled = patterns.get(pattern);
  if (!compiled) patterns.set(pattern, (compiled = new RegExp(pattern)));
  return compiled;
};

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

function wrongType(shape: ShapeSpec, value: unknown): never {
  const kind = Array.isArray(value) ? 'Array value' : value === null ? 'null' : typeof value === 'object' ? 'Object value' : `${typeof value} value`;
  throw invalidRequestContent(
    `Could not parse request body into json: Could not parse payload into json: Cannot deserialize value of type \`${javaType[shape.type] ?? shape.type}\` from ${kind}`,
  );
}

/** `null`, `undefined` and numbers JSON cannot carry all reach the service as null. */
const isAbsent = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'number' && !Number.isFinite(value));

function checkType(shape: ShapeSpec, value: unknown): void {
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') wrongType(shape, value);
      return;
    case 'integer':
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
        ? value.length
        : value !== null && typeof value === 'object' && !(value instanceof Uint8Array)
          ? Object.keys(value).length
          : undefined;
  if (size !== undefined) {
    const what = isNumber ? 'value' : 'length';
    if (min !== undefined && size < min) failures.push(`Member must have ${what} greater than or equal to ${min}`);
    if (max !== undefined && size > max) failures.push(`Member must have ${what} less than or equal to ${max}`);
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

function validateValue(shapeName: string, own: MemberSpec | undefined, value: unknown, path: string, out: string[]): void {
  const shape = shapeOf(shapeName);
  checkType(shape, value);
  for (const failure of constraintFailures(shape, own, value)) {
    out.push(`Value ${quote(value)} at '${path}' failed to satisfy constraint: ${failure}`);
  }
  if (shape.type === 'structure' || shape.type === 'union') {
    validateStructure(shape, value as Record<string, unknown>, `${path}.`, out);
  } else if (shape.type === 'list' && shape.member) {
    const elementShape = shapeOf(shape.member);
    const nested = new Set<string>();
    for (const element of value as unknown[]) {
      if (isAbsent(element)) continue;
      checkType(elementShape, element);
      for (const failure of constraintFailures(elementShape, undefined, element)) nested.add(failure);
      if (elementShape.type === 'structure') validateStructure(elementShape, element as Record<string, unknown>, `${path}.member.`, out);
    }
    if (nested.size > 0) {
      out.push(`Value ${quote(value)} at '${path}' failed to satisfy constraint: Member must satisfy constraint: [${[...nested].join(', ')}]`);
    }
  } else if (shape.type === 'map' && shape.key && shape.value) {
    const keyShape = shapeOf(shape.key);
    const valueShape = shapeOf(shape.value);
    const keyFailures = new Set<string>();
    const valueFailures = new Set<string>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      for (const failure of constraintFailures(keyShape, undefined, k)) keyFailures.add(failure);
      if (isAbsent(v)) continue;
      checkType(valueShape, v);
      for (const failure of constraintFailures(valueShape, undefined, v)) valueFailures.add(failure);
    }
    if (keyFailures.size > 0) {
      out.push(`Value ${quote(value)} at '${path}' failed to satisfy constraint: Map keys must satisfy constraint: [${[...keyFailures].join(', ')}]`);
    }
    if (valueFailures.size > 0) {
      out.push(`Value ${quote(value)} at '${path}' failed to satisfy constraint: Map value must satisfy constraint: [${[...valueFailures].join(', ')}]`);
    }
  }
}

const quote = (value: unknown): string => `'${describe(value)}'`;

function validateStructure(shape: ShapeSpec, input: Record<string, unknown>, prefix: string, out: string[]): void {
  const members = shape.members ?? {};
  for (const name in members) {
    const member = members[name]!;
    const value = input[name];
    const path = prefix + wireName(name);
    if (isAbsent(value)) {
      if (member.required) out.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    validateValue(member.target, member, value, path, out);
  }
}

/**
 * Checks an operation's input against the API model's constraints (required, type, length, range,
 * pattern, enum) and throws what the service answers: `ValidationException` listing every failed
 * constraint, or `InvalidRequestContentException` for a value of the wrong type.
 */
export function validateInput(inputShape: string | undefined, input: unknown): void {
  if (inputShape === undefined) return;
  const shape = shapeOf(inputShape);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) wrongType(shape, input);
  const violations: string[] = [];
  validateStructure(shape, input as Record<string, unknown>, '', violations);
  if (violations.length > 0) throw validationError(violations);
}
