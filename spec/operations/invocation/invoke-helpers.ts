import { LambdaClient } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock, type MockLambdaOptions } from '../../../lib';
import { REGION } from '../../helpers/fixtures';

/** The invoke limits the service enforces, in bytes. */
export const SYNC_LIMIT = 6_291_456;
export const EVENT_LIMIT = 1_048_576;

/** What the fake answers when there is no request payload to echo. */
export const HAPPY_PATH = 'Simple Lambda happy path OK';

/** A JSON document (a string of `a`s) of exactly `bytes` bytes, built without a loop. */
export function jsonOfSize(bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes, 0x61);
  buffer[0] = 0x22;
  buffer[bytes - 1] = 0x22;
  return buffer;
}

/** Bytes as UTF-8 text (`undefined` stays `undefined`, so a missing payload is visible). */
export const textOf = (bytes: Uint8Array | undefined): string | undefined =>
  bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8');

/** `LogResult` decoded. */
export const decodeLog = (logResult: string | undefined): string => Buffer.from(logResult ?? '', 'base64').toString('utf8');

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The whole log the Node.js runtime writes for one invocation (Text format): START, the function's
 * lines, END, REPORT with tab-separated fields and a trailing tab.
 */
export const executionLogPattern = (requestId: string, version: string, memoryMb: number, lines = ''): RegExp =>
  new RegExp(
    `^START RequestId: ${escape(requestId)} Version: ${escape(version)}\\n` +
      escape(lines) +
      `END RequestId: ${escape(requestId)}\\n` +
      `REPORT RequestId: ${escape(requestId)}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\t` +
      `Memory Size: ${memoryMb} MB\\tMax Memory Used: \\d+ MB\\t\\n$`,
  );

/** A mock installed with `options` for each test of a `describe` (useMockLambda() takes none), and a client. */
export function useMockLambdaWith(options: MockLambdaOptions): { readonly lambda: LambdaMock; readonly client: LambdaClient } {
  let current: { lambda: LambdaMock; client: LambdaClient } | undefined;
  beforeEach(() => {
    current = { lambda: mockLambda(options), client: new LambdaClient({ region: REGION }) };
  });
  afterEach(() => {
    current?.lambda.restore();
    current = undefined;
  });
  return {
    get lambda() {
      return current!.lambda;
    },
    get client() {
      return current!.client;
    },
  };
}
