import { types } from 'node:util';
import { environmentPaths } from './es-module-loader';

/** The stack's lines without lambda-mock's own frames (those of this folder, as built), paths as in Lambda. */
const userFrames = (stack: string): string[] =>
  environmentPaths(stack)
    .split('\n')
    .filter((line) => !line.includes(__dirname) && line !== '    at new Promise (<anonymous>)');

/** An error as the Node.js runtime reports it in the Invoke payload. */
export interface RuntimeErrorPayload {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace: readonly string[];
}

const isErrorLike = (value: unknown): value is Error =>
  types.isNativeError(value) ||
  (typeof value === 'object' && value !== null && typeof (value as Error).name === 'string' && typeof (value as Error).message === 'string' && typeof (value as Error).stack === 'string');

/**
 * What the runtime answers for a thrown (or rejected, or `callback(error)`) value: an error's name,
 * message and stack lines; anything else its type and text, with no trace.
 */
export function runtimeErrorPayload(error: unknown): RuntimeErrorPayload {
  if (isErrorLike(error)) {
    return { errorType: error.name, errorMessage: error.message, trace: userFrames(error.stack ?? '') };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

/** An error the runtime itself raises while loading the handler (`Runtime.HandlerNotFound`…). */
export function runtimeError(errorType: string, errorMessage: string): RuntimeErrorPayload {
  return { errorType, errorMessage, trace: [`${errorType}: ${errorMessage}`] };
}

/** The log line the runtime writes for a failed invocation. */
export const invokeErrorLog = (payload: RuntimeErrorPayload): string =>
  `Invoke Error \t${JSON.stringify({ errorType: payload.errorType, errorMessage: payload.errorMessage, stack: payload.trace })}`;
