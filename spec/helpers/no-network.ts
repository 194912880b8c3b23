// Set-up (setupFilesAfterEnv) of every spec file: no test reaches the network. A socket to anything
// but a server the test process itself started on loopback is refused and fails the file (and, through
// spec/helpers/network-reporter.js, the run); the sockets each file opens are counted and printed.
import { networkGuard } from './network-guard-core';

const guard = networkGuard();
guard.beginFile(expect.getState().testPath ?? '(unknown spec file)');

afterAll(() => {
  const { violations } = guard.endFile();
  if (violations.length > 0) {
    throw new Error(`this spec file tried to reach the network (${violations.length}):\n${violations.join('\n\n')}`);
  }
});
