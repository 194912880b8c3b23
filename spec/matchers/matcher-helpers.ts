import { lambdaMatchers } from '../../lib';

/** Adds lambda-mock's matchers to jest's `expect` for the spec file (lambda-mock/jest does it for users). */
export const useLambdaMatchers = (): void => {
  beforeAll(() => expect.extend(lambdaMatchers));
};

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The message of an assertion that must fail, without colours. */
export function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message.replace(ANSI, '');
  }
  throw new Error('expected the assertion to fail, but it passed');
}
