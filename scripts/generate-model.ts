/**
 * Generates lib/model/lambda-model.generated.ts from the vendored Smithy model
 * (model/lambda-2015-03-31.json, Apache-2.0, see model/NOTICE).
 *
 * Only what lambda-mock needs at run time is kept: each operation's HTTP route, input and output
 * shapes, the constraints of every shape reachable from an input, the HTTP bindings of every member
 * (label, query, header, status code, payload; server mode routes and answers with them), and each
 * error's status and fault.
 * Run with `npm run generate`; the output is committed so that nothing reads the model at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface SmithyShape {
  type: string;
  members?: Record<string, { target: string; traits?: Record<string, unknown> }>;
  member?: { target: string };
  key?: { target: string };
  value?: { target: string };
  input?: { target: string };
  output?: { target: string };
  errors?: { target: string }[];
  traits?: Record<string, unknown>;
}

const root = join(__dirname, '..');
const model = JSON.parse(readFileSync(join(root, 'model/lambda-2015-03-31.json'), 'utf8')) as {
  shapes: Record<string, SmithyShape>;
};
const NS = 'com.amazonaws.lambda#';
const shapes = model.shapes;
const local = (id: string): string => id.replace(NS, '').replace('smithy.api#', '');

const out: Record<string, unknown> = {};

function constraints(traits: Record<string, unknown> = {}): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
  const range = traits['smithy.api#range'] as { min?: number; max?: number } | undefined;
  const pattern = traits['smithy.api#pattern'] as string | undefined;
  if (length?.min !== undefined) c.min = length.min;
  if (length?.max !== undefined) c.max = length.max;
  if (range?.min !== undefined) c.min = range.min;
  if (range?.max !== undefined) c.max = range.max;
  if (pattern !== undefined) {
    new RegExp(pattern); // every pattern must compile as a JavaScript regular expression
    c.pattern = pattern;
  }
  const legacyEnum = traits['smithy.api#enum'] as { value: string }[] | undefined;
  if (legacyEnum) c.enum = legacyEnum.map((e) => e.value);
  return c;
}

function visit(id: string): string {
  const name = local(id);
  if (id.startsWith('smithy.api#')) {
    const prelude: Record<string, string> = {
      String: 'string', Integer: 'integer', Long: 'long', Boolean: 'boolean', Blob: 'blob',
      Timestamp: 'timestamp', Double: 'double', PrimitiveBoolean: 'boolean', Unit: 'structure',
    };
    const type = prelude[name];
    if (!type) throw new Error(`unknown prelude shape ${id}`);
    out[name] ??= type === 'structure' ? { type, members: {} } : { type };
    return name;
  }
  if (name in out) return name;
  const shape = shapes[id];
  if (!shape) throw new Error(`missing shape ${id}`);
  const spec: Record<string, unknown> = { type: shape.type === 'enum' ? 'string' : shape.type, ...constraints(shape.traits) };
  if (shape.traits && 'smithy.api#streaming' in shape.traits) spec.streaming = true;
  out[name] = spec;
  if (shape.type === 'enum') {
    spec.enum = Object.values(shape.members ?? {}).map((m) => m.traits?.['smithy.api#enumValue']);
  } else if (shape.type === 'structure' || shape.type === 'union') {
    const members: Record<string, unknown> = {};
    for (const [memberName, member] of Object.entries(shape.members ?? {})) {
      const traits = member.traits ?? {};
      const m: Record<string, unknown> = { target: visit(member.target), ...constraints(traits) };
      if ('smithy.api#required' in traits) m.required = true;
      if ('smithy.api#httpLabel' in traits) m.location = 'label';
      if ('smithy.api#httpQuery' in traits) { m.location = 'query'; m.locationName = traits['smithy.api#httpQuery']; }
      if ('smithy.api#httpHeader' in traits) { m.location = 'header'; m.locationName = traits['smithy.api#httpHeader']; }
      if ('smithy.api#httpPayload' in traits) m.location = 'payload';
      if ('smithy.api#httpResponseCode' in traits) m.location = 'responseCode';
      if ('smithy.api#eventPayload' in traits) m.eventPayload = true;
      members[memberName] = m;
    }
    spec.members = members;
  } else if (shape.type === 'list') {
    spec.member = visit(shape.member!.target);
  } else if (shape.type === 'map') {
    spec.key = visit(shape.key!.target);
    spec.value = visit(shape.value!.target);
  }
  return name;
}

const operations: Record<string, unknown> = {};
const errors: Record<string, { status: number; fault: string }> = {};
for (const [id, shape] of Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b))) {
  if (shape.type === 'structure' && shape.traits?.['smithy.api#error']) {
    visit(id); // its members: the message member's name, and any bound to a header (Retry-After)
    errors[local(id)] = {
      status: shape.traits['smithy.api#httpError'] as number,
      fault: shape.traits['smithy.api#error'] as string,
    };
  }
  if (shape.type !== 'operation') continue;
  const http = shape.traits?.['smithy.api#http'] as { method: string; uri: string; code?: number };
  operations[local(id)] = {
    method: http.method,
    uri: http.uri,
    status: http.code ?? 200,
    input: shape.input ? visit(shape.input.target) : undefined,
    output: shape.output ? visit(shape.output.target) : undefined,
    errors: (shape.errors ?? []).map((e) => local(e.target)),
  };
}

const header = `// Generated by scripts/generate-model.ts from model/lambda-2015-03-31.json
// (AWS Lambda Smithy model, Apache License 2.0, Copyright Amazon.com, Inc. or its affiliates).
// Do not edit by hand: run \`npm run generate\`.
import type { ErrorSpec, OperationSpec, ShapeSpec } from './model-types';
`;
const body = [
  `export const operationSpecs = ${JSON.stringify(operations, null, 1)} as const satisfies Record<string, OperationSpec>;`,
  `export const shapeSpecs: Record<string, ShapeSpec> = ${JSON.stringify(out, null, 1)};`,
  `export const errorSpecs: Record<string, ErrorSpec> = ${JSON.stringify(errors, null, 1)};`,
].join('\n\n');
writeFileSync(join(root, 'lib/model/lambda-model.generated.ts'), `${header}\n${body}\n`);
console.log(`${Object.keys(operations).length} operations, ${Object.keys(out).length} shapes, ${Object.keys(errors).length} errors`);
