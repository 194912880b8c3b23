/** @type {import('jest').Config} */
const inProcess = {
  displayName: 'in-process',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/spec'],
  testMatch: ['**/*.spec.ts'],
  setupFiles: ['<rootDir>/spec/helpers/quiet-sdk.ts'],
  // No test reaches the network: counted per file, refused and failing the run (spec/helpers/no-network.ts).
  setupFilesAfterEnv: ['<rootDir>/spec/helpers/no-network.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/spec/helpers/network-reporter.js', '<rootDir>/spec/helpers/summary-reporter.js'],
  // The operation specs run a second time against server mode, over HTTP: see spec/server/over-http.
  projects: [inProcess, require('./spec/server/over-http/jest.project')(inProcess)],
};
