import { forgetGlobalServer, globalServer } from './jest-global-setup';

/**
 * jest `globalTeardown`: stops the server `jest-global-setup` started and puts back the environment
 * variables it set.
 *
 * @example
 * ```js
 * // jest.config.js
 * module.exports = { globalSetup: 'lambda-mock/jest-global-setup', globalTeardown: 'lambda-mock/jest-global-teardown' };
 * ```
 */
export default async function globalTeardown(): Promise<void> {
  const running = globalServer();
  if (!running) return;
  forgetGlobalServer();
  await running.server.close();
  for (const [name, value] of Object.entries(running.previous)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
