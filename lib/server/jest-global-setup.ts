import { startLambdaServer, type LambdaServer } from './lambda-server';

/** What the set-up leaves for the teardown (both run in jest's main process). */
interface GlobalServer {
  readonly server: LambdaServer;
  /** The environment variables the set-up changed, as they were. */
  readonly previous: Readonly<Record<string, string | undefined>>;
}

const KEY = Symbol.for('lambda-mock.jest-global-server');
const holder = globalThis as { [KEY]?: GlobalServer };

/** The server the jest global set-up started, if it is running (for the teardown). */
export const globalServer = (): GlobalServer | undefined => holder[KEY];

/** Forgets the global server (the teardown, once it has closed it). */
export const forgetGlobalServer = (): void => {
  delete holder[KEY];
};

/**
 * jest `globalSetup`: starts one lambda-mock server for the whole run, before any worker, and points
 * every worker's `LambdaClient` at it through `AWS_ENDPOINT_URL_LAMBDA` (workers inherit the
 * environment). Dummy credentials and `AWS_REGION=us-east-1` are set only where none are: the server
 * accepts any signature. Pair it with `jest-global-teardown`.
 *
 * @example
 * ```js
 * // jest.config.js
 * module.exports = {
 *   globalSetup: 'lambda-mock/jest-global-setup',
 *   globalTeardown: 'lambda-mock/jest-global-teardown',
 * };
 * ```
 */
export default async function globalSetup(): Promise<void> {
  if (holder[KEY]) return; // a second project of the same run shares the server
  const server = await startLambdaServer();
  const defaults: Record<string, string> = { AWS_ENDPOINT_URL_LAMBDA: server.url };
  if (process.env.AWS_ACCESS_KEY_ID === undefined && process.env.AWS_PROFILE === undefined) {
    defaults.AWS_ACCESS_KEY_ID = 'lambda-mock';
    defaults.AWS_SECRET_ACCESS_KEY = 'lambda-mock';
  }
  if (process.env.AWS_REGION === undefined && process.env.AWS_DEFAULT_REGION === undefined) defaults.AWS_REGION = 'us-east-1';
  const previous = Object.fromEntries(Object.keys(defaults).map((name) => [name, process.env[name]]));
  Object.assign(process.env, defaults);
  holder[KEY] = { server, previous };
}
