import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListFunctionsCommand,
  PublishVersionCommand,
  TagResourceCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../lib';
import { arnOf, createInput, deepCopy, errorOf, newClient, REGION, zipOf } from '../helpers/fixtures';

let lambda: LambdaMock;
afterEach(() => lambda.restore());

/**
 * Sends a command that must fail with `expected`, and checks that the store is exactly as it was:
 * the same root collections (nothing was committed), the same records, the same values.
 */
async function expectNoChange(send: () => Promise<unknown>, expected: string): Promise<void> {
  const before = lambda.state;
  const records = new Map([...before.region(REGION).functions].map(([name, fn]) => [name, { fn, copy: deepCopy(fn) }]));
  const callCount = lambda.calls.length;

  const error = await errorOf(send());

  expect(error.name).toBe(expected);
  const after = lambda.state;
  expect(after.regions).toBe(before.regions);
  expect(after.region(REGION)).toBe(before.region(REGION));
  expect(after.region(REGION).functions.size).toBe(records.size);
  for (const [name, { fn, copy }] of records) {
    expect(after.region(REGION).functions.get(name)).toBe(fn);
    expect(fn).toEqual(copy);
  }
  // The failure is logged with the very error the client received, and no output.
  expect(lambda.calls).toHaveLength(callCount + 1);
  const call = lambda.calls[callCount]!;
  expect(call.error).toBe(error);
  expect(call).not.toHaveProperty('output');
}

describe('a failing command leaves the state exactly as it was', () => {
  test.each(['instant', 'on-read', 'manual'] as const)('settle: %s', async (settle) => {
    lambda = mockLambda({ settle });
    const client = newClient();
    await client.send(new CreateFunctionCommand(createInput('fn', { Tags: { team: 'a' } })));
    await client.send(new GetFunctionCommand({ FunctionName: 'fn' }));
    lambda.settle(); // nothing pending from here on, so no command below has a transition to complete
    const { RevisionId } = await client.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    expect(RevisionId).toBeDefined();

    // Service errors from the handlers.
    await expectNoChange(() => client.send(new CreateFunctionCommand(createInput('fn'))), 'ResourceConflictException');
    await expectNoChange(() => client.send(new CreateFunctionCommand(createInput('bad-zip', { Code: { ZipFile: new Uint8Array([1, 2, 3, 4]) } }))), 'InvalidParameterValueException');
    await expectNoChange(() => client.send(new UpdateFunctionCodeCommand({ FunctionName: 'fn', ZipFile: zipOf('x'), RevisionId: 'stale' })), 'PreconditionFailedException');
    await expectNoChange(() => client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Timeout: 9, RevisionId: 'stale' })), 'PreconditionFailedException');
    await expectNoChange(() => client.send(new PublishVersionCommand({ FunctionName: 'fn', RevisionId: 'stale' })), 'PreconditionFailedException');
    await expectNoChange(() => client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Environment: { Variables: { AWS_REGION: 'x' } } })), 'InvalidParameterValueException');
    await expectNoChange(() => client.send(new TagResourceCommand({ Resource: arnOf('fn:1'), Tags: { b: 'b' } })), 'InvalidParameterValueException');
    await expectNoChange(() => client.send(new DeleteFunctionCommand({ FunctionName: 'fn', Qualifier: '$LATEST' })), 'InvalidParameterValueException');
    await expectNoChange(() => client.send(new DeleteFunctionCommand({ FunctionName: 'missing' })), 'ResourceNotFoundException');
    // Errors before the handler runs.
    await expectNoChange(() => client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 64 })), 'ValidationException');
    await expectNoChange(() => client.send(new CreateFunctionCommand(createInput('bad name!'))), 'ValidationException');
    await expectNoChange(() => client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Timeout: 'abc' as any })), 'InvalidRequestContentException');

    // The function is untouched and still answers as before.
    const after = await client.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    expect(after.RevisionId).toBe(RevisionId);
    expect(after.Timeout).toBe(3);
  });

  test('a read that settles a function, then fails, settles nothing (settle: on-read)', async () => {
    lambda = mockLambda({ settle: 'on-read' });
    const client = newClient();
    await client.send(new CreateFunctionCommand(createInput('fn')));
    await client.send(new CreateFunctionCommand(createInput('other')));
    expect(lambda.state.region(REGION).functions.get('fn')?.latest.configuration.State).toBe('Pending');

    // Each of these completes the transition in its transaction before it fails.
    await expectNoChange(() => client.send(new GetFunctionCommand({ FunctionName: 'fn', Qualifier: '7' })), 'ResourceNotFoundException');
    await expectNoChange(() => client.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn', Qualifier: '7' })), 'ResourceNotFoundException');
    await expectNoChange(() => client.send(new ListFunctionsCommand({ Marker: 'not-a-marker' })), 'InvalidParameterValueException');
    expect(lambda.state.region(REGION).functions.get('fn')?.latest.configuration.State).toBe('Pending');
    expect(lambda.state.region(REGION).functions.get('other')?.latest.configuration.State).toBe('Pending');

    // So the function is still being created.
    const conflict = await errorOf(client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Timeout: 5 })));
    expect(conflict.name).toBe('ResourceConflictException');
  });
});
