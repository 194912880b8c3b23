import {
  CreateFunctionCommand,
  GetFunctionCommand,
  LambdaClient,
  LambdaServiceException,
  UpdateFunctionCodeCommand,
  type CreateFunctionCommandInput,
  type CreateFunctionCommandOutput,
  type GetFunctionCommandOutput,
  type UpdateFunctionCodeCommandOutput,
} from '@aws-sdk/client-lambda';
import { createHash } from 'node:crypto';
import { mockLambda, type LambdaMock } from '../../lib';
import { zipSync, strToU8 } from 'fflate';

export const ROLE = 'arn:aws:iam::123456789012:role/lambda-role';
export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';

/** A real zip holding one handler file. */
export const zipOf = (source = 'exports.handler = async () => "ok";'): Uint8Array => zipSync({ 'index.js': strToU8(source) });

/** A client with no credentials at all: lambda-mock must never need them. */
export const newClient = (region: string = REGION): LambdaClient => new LambdaClient({ region });

export const createInput = (name: string, extra: Partial<CreateFunctionCommandInput> = {}): CreateFunctionCommandInput => ({
  FunctionName: name,
  Runtime: 'nodejs22.x',
  Handler: 'index.handler',
  Role: ROLE,
  Code: { ZipFile: zipOf() },
  ...extra,
});

export const arnOf = (name: string, qualifier?: string, region: string = REGION): string =>
  `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}${qualifier ? `:${qualifier}` : ''}`;

/** The error a command fails with; fails the test if the command succeeds instead. */
export const errorOf = async (promise: Promise<unknown>): Promise<Error & Record<string, any>> =>
  promise.then(
    (answer) => {
      throw new Error(`expected the command to fail, but it answered ${JSON.stringify(answer)}`);
    },
    (error: unknown) => error as Error & Record<string, any>,
  );

/** A deep copy of plain stored data, to compare a snapshot against later. */
export const deepCopy = <T>(value: T): T => structuredClone(value);

// ---- Shared setup of the operation specs (spec/operations/**) ----

/** A fresh mock and client for each test of a `describe`, installed and restored the way users do. */
export interface MockedLambda {
  readonly lambda: LambdaMock;
  readonly client: LambdaClient;
  /** CreateFunction with `createInput(name, extra)`. */
  create(name: string, extra?: Partial<CreateFunctionCommandInput>): Promise<CreateFunctionCommandOutput>;
  /** GetFunction, of `$LATEST` or of `qualifier`. */
  get(name: string, qualifier?: string): Promise<GetFunctionCommandOutput>;
  /** UpdateFunctionCode to `zipOf(source)` with `Publish: true`: answers the new version. */
  deploy(name: string, source: string): Promise<UpdateFunctionCodeCommandOutput>;
}

/** Registers `beforeEach`/`afterEach` that install `mockLambda()` and restore it; use the result inside tests only. */
export function useMockLambda(): MockedLambda {
  let current: { lambda: LambdaMock; client: LambdaClient } | undefined;
  const get = () => {
    if (!current) throw new Error('useMockLambda(): only available inside a test');
    return current;
  };
  beforeEach(() => {
    current = { lambda: mockLambda(), client: newClient() };
  });
  afterEach(() => {
    current?.lambda.restore();
    current = undefined;
  });
  return {
    get lambda() {
      return get().lambda;
    },
    get client() {
      return get().client;
    },
    create: (name, extra) => get().client.send(new CreateFunctionCommand(createInput(name, extra))),
    get: (name, qualifier) => get().client.send(new GetFunctionCommand({ FunctionName: name, Qualifier: qualifier })),
    deploy: (name, source) =>
      get().client.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zipOf(source), Publish: true })),
  };
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Expects a command to fail with a modeled service error, as the SDK surfaces it: an instance of
 * `type`, named after it, with the service's exact message, HTTP status, `Type: 'User'` and client fault.
 */
export async function expectServiceError(promise: Promise<unknown>, type: ErrorClass, status: number, message: string) {
  const error = await errorOf(promise);
  expect(error).toBeInstanceOf(type);
  expect({ name: error.name, message: error.message, status: error.$metadata?.httpStatusCode, Type: error.Type, fault: error.$fault })
    .toEqual({ name: type.name, message, status, Type: 'User', fault: 'client' });
  return error;
}

/**
 * Expects the service's `ValidationException` (a failed modeled constraint). The model does not
 * declare it, so the SDK surfaces it as a `LambdaServiceException` named after it, with no `Type`.
 */
export async function expectValidationError(promise: Promise<unknown>, message: string) {
  const error = await errorOf(promise);
  expect(error).toBeInstanceOf(LambdaServiceException);
  expect({ name: error.name, message: error.message, status: error.$metadata?.httpStatusCode, Type: error.Type, fault: error.$fault })
    .toEqual({ name: 'ValidationException', message, status: 400, Type: undefined, fault: 'client' });
  return error;
}

/**
 * Everything `lambda.state` stores, as plain nested objects (`accountId/region` → collection → key →
 * record). Records are immutable, so an earlier result stays valid to `toEqual` against a later one.
 */
export function storedState(lambda: LambdaMock): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, region] of lambda.state.regions) {
    const collections: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(region)) {
      if (value === null || typeof value !== 'object') continue;
      // Lists (the invoke-results queue) compare as arrays, keyed tables as objects.
      collections[name] = 'toArray' in value ? (value as { toArray(): unknown[] }).toArray() : Object.fromEntries(value as Iterable<[string, unknown]>);
    }
    out[key] = collections;
  }
  return out;
}

/**
 * `storedState` once every pending transition has completed. In the default `instant` mode they
 * complete before the next command is handled, failing or not, so a "before" snapshot for a
 * failing command is taken settled.
 */
export function settledState(lambda: LambdaMock): ReturnType<typeof storedState> {
  lambda.settle();
  return storedState(lambda);
}

/** `CodeSha256` as the service computes it: base64 of the SHA-256 of the deployment package. */
export const sha256Base64 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64');

/** `LastModified` as the service writes it: `2024-01-01T00:00:00.000+0000`. */
export const LAMBDA_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/;

/**
 * Creates `name` with `Publish: true` from a zip `v1` (so version 1 runs it), then moves `$LATEST` to
 * a zip `v2` without publishing. Answers both zips, to compare `CodeSha256`s against.
 */
export async function createWithVersion(mock: MockedLambda, name: string): Promise<{ v1: Uint8Array; v2: Uint8Array }> {
  const v1 = zipOf('exports.handler = async () => 1;');
  const v2 = zipOf('exports.handler = async () => 2;');
  await mock.create(name, { Code: { ZipFile: v1 }, Publish: true });
  await mock.client.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: v2 }));
  return { v1, v2 };
}

/** Expects `Object.prototype` to have exactly the own keys it had (`before`) and no object to have gained `polluted`. */
export function expectNoPollution(before: readonly (string | symbol)[]): void {
  expect(Reflect.ownKeys(Object.prototype)).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** `count` distinct tags `<prefix>0 … <prefix>N-1`, each valued `v<i>`. */
export const tagsOf = (count: number, prefix = 'key'): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `v${i}`]));

/** `LastModified` of a provisioned concurrency config as the service writes it: to the second, `2019-12-31T20:28:49+0000`. */
export const CONFIG_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/;

/** The `ValidationException` message of one failed modeled constraint. */
export const oneViolation = (value: unknown, member: string, constraint: string): string =>
  `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`;
