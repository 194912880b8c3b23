/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Builds the functions every test starts from, once, and hands them to the workers as a snapshot file.
  globalSetup: './global-setup.js',
  globalTeardown: './global-teardown.js',
  // Installs the mock in each test file, resets it to that snapshot before each test, restores it after the file.
  setupFilesAfterEnv: ['lambda-mock/jest'],
  transform: {},
};
