/**
 * The over-HTTP project: the operation specs (spec/operations/**) run a second time, unchanged,
 * against server mode. Each spec file gets one server (server-per-file.ts); `mockLambda()` plugs a
 * fresh backend into it (lib-over-http.ts, mapped over the package entry); every `LambdaClient`
 * reaches it through `AWS_ENDPOINT_URL_LAMBDA` with dummy credentials (environment.ts). Answers
 * and errors then come from the SDK's own serializers and deserializers, so both runs show that
 * the two paths give the same answers. Every operation spec file runs; the few tests where the two
 * paths differ are listed, with why, in known-differences.js.
 */

/** @param {import('jest').Config} inProcess the in-process project, whose settings this one shares */
module.exports = (inProcess) => ({
  ...inProcess,
  displayName: 'over-http',
  // Node's environment, skipping the tests known-differences.js lists (with why).
  testEnvironment: '<rootDir>/spec/server/over-http/http-environment.js',
  roots: ['<rootDir>/spec/operations'],
  setupFiles: [...inProcess.setupFiles, '<rootDir>/spec/server/over-http/environment.ts'],
  setupFilesAfterEnv: [...(inProcess.setupFilesAfterEnv ?? []), '<rootDir>/spec/server/over-http/server-per-file.ts'],
  // The package entry, as the specs and their helpers import it (`../../lib`, `../../../lib`).
  moduleNameMapper: { '^(\\.\\./)+lib$': '<rootDir>/spec/server/over-http/lib-over-http.ts' },
});
