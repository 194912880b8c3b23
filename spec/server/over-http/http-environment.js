// The over-HTTP project's test environment: Node's, skipping the tests listed in known-differences.js,
// and failing any test that installed the real in-process mock (its clients never reached the server).
const { TestEnvironment } = require('jest-environment-node');
const { knownDifferences } = require('./known-differences');

const INSTALLED = Symbol.for('lambda-mock.installed');

/** `Describe › nested › test`, as jest prints a test's name. */
function fullName(test) {
  const names = [];
  for (let block = test; block && block.parent; block = block.parent) names.unshift(block.name);
  return names.join(' › ');
}

class OverHttpEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    // jest-circus reads the mode right after `test_start`: a listed test is reported as skipped.
    if (event.name === 'test_start' && fullName(event.test) in knownDifferences) event.test.mode = 'skip';
    // Right after the test's body, before its afterEach hooks restore anything.
    if ((event.name === 'test_fn_success' || event.name === 'test_fn_failure') && this.global[INSTALLED]) {
      event.test.errors.push(
        new Error('over-http: this test installed the in-process mock (lib/mock-lambda imported directly?): its clients never reached the server'),
      );
    }
  }
}

module.exports = OverHttpEnvironment;
