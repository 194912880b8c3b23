import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { LambdaBackend } from '../backend/lambda-backend';
import { ServiceError } from '../errors/service-error';
import { toSdkError } from '../errors/to-sdk-error';
import { UnhandledCommandError } from '../errors/unhandled-command-error';
import * as ClientLambda from '@aws-sdk/client-lambda';
import { sleep, type AbortSignalLike } from '../faults/delay';
import { allOperationSpecs as specs } from '../model/extra-operations';
import { lambdaControls } from '../mock-lambda';
import { controlAnswer, isControlPath } from './control-api';
import { errorAnswer, successAnswer, type HttpAnswer } from './http-answer';
import { bodyLimitOf, readBody, RequestAbortedError } from './read-body';
import { requestInput } from './request-input';
import { Router } from './routes';

const router = new Router(specs);

/** The region a SigV4 signature names (`Credential=AKID/20240101/eu-west-1/lambda/aws4_request`); the signature is not checked. */
export function signedRegion(req: IncomingMessage, query: URLSearchParams): string | undefined {
  const credential = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//.exec(req.headers.authorization ?? '')?.[1];
  return credential ?? query.get('X-Amz-Credential')?.split('/')[2];
}

/** Aborts when the request's connection closes: a client that gave up (its own abort signal, a timeout) closes it. */
const connectionSignal = (req: IncomingMessage): AbortSignalLike => ({
  get aborted() {
    return req.socket.destroyed;
  },
  addEventListener: (_type, listener) => req.socket.once('close', listener),
  removeEventListener: (_type, listener) => req.socket.off('close', listener),
});

/** Writes an answer; an event stream is written frame by frame, as the client reads it. */
async function write(res: ServerResponse, answer: HttpAnswer): Promise<void> {
  const { body } = answer;
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
    const length = body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(length) });
    res.end(body);
    return;
  }
  res.writeHead(answer.status, answer.headers);
  for await (const frame of body) {
    if (res.destroyed) return; // the client went away: stop producing
    if (!res.write(frame)) await new Promise((resume) => res.once('drain', resume).once('close', resume));
  }
  res.end();
}

/** How the server answers: which backend (the spec harness swaps it per test), and the region of unsigned requests. */
export interface ListenerOptions {
  readonly backend: () => LambdaBackend;
  readonly defaultRegion: string;
}

/** Answers one Lambda operation: route, read, parse, dispatch to the backend, answer as the service does. */
async function lambdaAnswer(req: IncomingMessage, url: URL, options: ListenerOptions): Promise<HttpAnswer> {
  const method = req.method ?? 'GET';
  const match = router.match(method, url.pathname, url.searchParams);
  if (!match) {
    req.resume(); // drop the body unread
    return errorAnswer(
      new ServiceError('UnknownOperationException', `No Lambda operation answers ${method} ${url.pathname}`, { status: 404, type: null }),
      randomUUID(),
    );
  }
  const spec = specs[match.operation]!;
  const body = await readBody(req, bodyLimitOf(match.operation));
  const input = requestInput(spec, { labels: match.labels, query: url.searchParams, headers: req.headers, body });
  const request = { commandName: `${match.operation}Command`, input, region: signedRegion(req, url.searchParams) ?? options.defaultRegion };
  const backend = options.backend();
  // An override (`lambda.on(...)`) may delay the answer: only this request waits, and it is abandoned if its client goes away.
  const override = backend.overrideFor(request);
  if (override !== undefined && override.delayMs > 0) {
    try {
      await sleep(override.delayMs, connectionSignal(req));
    } catch (aborted) {
      backend.recordAbandoned(request, aborted as Error);
      throw new RequestAbortedError('the client closed the connection while the answer was delayed');
    }
  }
  let failure: { error: ServiceError; requestId: string } | undefined;
  try {
    const answer = await backend.handleAsync(
      request,
      (error, $metadata) => {
        failure = { error, requestId: $metadata.requestId ?? randomUUID() };
        // The call log holds the SDK's own exception, as with the in-process mock.
        return toSdkError(ClientLambda, error, $metadata);
      },
      override,
    );
    return successAnswer(spec, answer.output, answer.$metadata.requestId ?? randomUUID());
  } catch (thrown) {
    if (failure) return errorAnswer(failure.error, failure.requestId);
    if (thrown instanceof UnhandledCommandError) {
      return errorAnswer(new ServiceError('UnhandledCommandError', thrown.message, { status: 501, type: null }), randomUUID());
    }
    // An error that is no service answer (an override's `rejects(new Error(…))`): a 500 that names it.
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    return errorAnswer(new ServiceError(error.name || 'Error', error.message, { status: 500, type: null }), randomUUID());
  }
}

/**
 * The server's request listener: Lambda's REST-JSON API, plus the moto and lambda-mock control
 * endpoints. Every request is answered on its own (reading a body is the only wait), so a slow or
 * dropped connection holds up no other.
 */
export function requestListener(options: ListenerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void answer(req, res, options);
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, options: ListenerOptions): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://lambda-mock');
    const reply = isControlPath(url.pathname)
      ? await controlReply(req, url, options)
      : await lambdaAnswer(req, url, options);
    await write(res, reply);
  } catch (thrown) {
    if (thrown instanceof RequestAbortedError) return;
    const error =
      thrown instanceof ServiceError ? thrown : new ServiceError('ServiceException', `lambda-mock internal error: ${String(thrown)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    await write(res, errorAnswer(error, randomUUID())).catch(() => res.destroy());
  }
}

async function controlReply(req: IncomingMessage, url: URL, options: ListenerOptions): Promise<HttpAnswer> {
  const body = await readBody(req, bodyLimitOf(url.pathname));
  const backend = options.backend();
  const reply = await controlAnswer(req.method ?? 'GET', url.pathname, url.searchParams, body, lambdaControls(backend), backend.accountId);
  return reply ?? { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: `No endpoint ${req.method} ${url.pathname}` }) };
}
