/**
 * The package entry as the over-HTTP project's specs import it (jest `moduleNameMapper`): everything
 * the package exports, but `mockLambda()` installs nothing in the process. It plugs a fresh backend,
 * built from the same options, into the spec file's server, and the specs' clients reach it over
 * HTTP. The specs thus read the same `lambda.state`, `calls` and `invocations` while every command
 * travels through the SDK's real serializers, signer, HTTP handler and deserializers.
 */
import { createBackend, lambdaControls, type LambdaMock, type MockLambdaOptions } from '../../../lib/mock-lambda';
import { plug } from './file-server';

export * from '../../../lib/index';

let installed = false;

export function mockLambda(options: MockLambdaOptions = {}): LambdaMock {
  if (installed) {
    throw new Error('lambda-mock is already installed: call restore() on the mock the first mockLambda() returned before installing another.');
  }
  const backend = createBackend(options);
  plug(backend);
  installed = true;
  let active = true;
  return Object.assign(lambdaControls(backend), {
    restore: () => {
      if (!active) return;
      active = false;
      installed = false;
      plug(undefined);
    },
  });
}
