// lambda-mock/jest under jest itself: importing it (as setupFilesAfterEnv does) installs the mock for
// this file and registers its hooks and matchers here.
import { CreateFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { lambda } from '../../lib/jest';
import { mockLambda } from '../../lib';
import { createInput, newClient } from '../helpers/fixtures';

describe('lambda-mock/jest', () => {
  test('the exported mock is installed for the file, and its matchers are on expect', async () => {
    expect(() => mockLambda()).toThrow('lambda-mock is already installed');
    await newClient().send(new CreateFunctionCommand(createInput('first')));
    await newClient().send(new InvokeCommand({ FunctionName: 'first', Payload: '{"n":1}' }));
    expect(lambda).toHaveFunction('first');
    expect(lambda).toHaveInvoked('first', { payload: { n: 1 } });
    expect(lambda).toHaveInvokedTimes('first', 1);
    expect(lambda).toHaveReceivedCommandWith(CreateFunctionCommand, { FunctionName: 'first' });
  });

  test('each test starts from an empty store and an empty call log', () => {
    expect(lambda.state.functions()).toEqual([]);
    expect(lambda.calls).toEqual([]);
    expect(lambda).not.toHaveFunction('first');
    expect(lambda).toHaveInvokedTimes('first', 0);
  });
});
