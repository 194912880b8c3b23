import { LambdaBackend } from '../../../lib/backend/lambda-backend';
import { listenLambda } from '../../../lib/server/lambda-server';

/**
 * The one server a spec file run over HTTP talks to. Each `mockLambda()` of the file plugs a fresh
 * backend into it (so every test starts from an empty store with its own options, as in process),
 * and `restore()` unplugs it.
 */
let server: { url: string; close(): Promise<void> } | undefined;
let plugged: LambdaBackend | undefined;
/** What answers while no mock is installed: an empty store nobody inspects. */
const idle = new LambdaBackend('123456789012', 'instant');

export async function startFileServer(): Promise<void> {
  server = await listenLambda(() => plugged ?? idle);
  // Every LambdaClient of the file, whoever built it, reaches the server.
  process.env.AWS_ENDPOINT_URL_LAMBDA = server.url;
}

export async function stopFileServer(): Promise<void> {
  await server?.close();
  server = undefined;
  delete process.env.AWS_ENDPOINT_URL_LAMBDA;
}

/** Makes `backend` the one the server answers from (`undefined`: none, between tests). */
export function plug(backend: LambdaBackend | undefined): void {
  if (backend && !server) throw new Error('spec/server/over-http: the file server is not running (is server-per-file.ts a setup file?)');
  plugged = backend;
}
