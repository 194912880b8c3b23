import type { IncomingMessage } from 'node:http';
import { ServiceError } from '../errors/service-error';
import { REQUEST_LIMIT } from '../invoke/request-payload';

/** The most a request to any operation may carry: a 50 MB zip, base64-encoded in a JSON body. */
export const DEFAULT_REQUEST_LIMIT = 69_905_067;

/** Operations whose body is an invoke payload: the service refuses more than 6 MB, in its invoke wording. */
const INVOKE_OPERATIONS = new Set(['Invoke', 'InvokeAsync', 'InvokeWithResponseStream']);

/** A body the HTTP layer refused, and the answer it gets. */
export interface BodyLimit {
  readonly bytes: number;
  /** The service's `RequestEntityTooLargeException` (413; not in the model, so without `Type`). */
  readonly error: () => ServiceError;
}

/** The size limit of one operation's request body, worded as the service words it. */
export function bodyLimitOf(operation: string): BodyLimit {
  const [bytes, name] = INVOKE_OPERATIONS.has(operation) ? [REQUEST_LIMIT, 'InvokeFunction'] : [DEFAULT_REQUEST_LIMIT, operation];
  return {
    bytes,
    error: () =>
      new ServiceError('RequestEntityTooLargeException', `Request must be smaller than ${bytes} bytes for the ${name} operation`, {
        status: 413,
        type: null,
      }),
  };
}

/** The client went away before its request was whole: there is no one to answer. */
export class RequestAbortedError extends Error {
  override readonly name = 'RequestAbortedError';
}

/**
 * Reads a request body of at most `limit.bytes`. A body announced larger (`Content-Length`) is refused
 * before any of it is read; one that grows larger while it arrives is refused at that point. Either
 * way nothing more of it is kept: the rest is read and dropped, so the connection can carry the answer.
 */
export function readBody(req: IncomingMessage, limit: BodyLimit): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit.bytes) {
    req.resume();
    return Promise.reject(limit.error());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size > limit.bytes) {
        cleanup();
        chunks.length = 0;
        req.resume();
        reject(limit.error());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onAbort = (): void => {
      cleanup();
      reject(new RequestAbortedError('the client closed the connection before sending the whole request'));
    };
    const onClose = (): void => {
      if (!req.complete) onAbort();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onClose);
  });
}
