import { CreateFunctionCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../lib';
import { REGION, createInput } from '../helpers/fixtures';
import { SERVER_MESSAGE, startLocalLambda } from '../fixtures/local-lambda';

// Two mocks at once would fight over the same clients: the second mockLambda() must refuse, loudly.
const mocks: LambdaMock[] = [];
const install = (...args: Parameters<typeof mockLambda>): LambdaMock => {
  const mock = mockLambda(...args);
  mocks.push(mock);
  return mock;
};
afterEach(() => {
  while (mocks.length > 0) mocks.pop()!.restore();
});

const functionNames = (mock: LambdaMock): string[] => [...mock.state.region(REGION).functions.keys()];

describe('one mock at a time', () => {
  test('a second mockLambda() while one is installed throws, naming restore(); the first keeps working', async () => {
    const first = install();
    expect(() => install()).toThrow(/restore\(\)/);
    expect(() => install({ client: new LambdaClient({ region: REGION }) })).toThrow(/restore\(\)/);

    const client = new LambdaClient({ region: REGION });
    await client.send(new CreateFunctionCommand(createInput('still-first')));
    expect(functionNames(first)).toEqual(['still-first']);
  });

  test('after restore() a new mockLambda() works, with an empty store of its own', async () => {
    const client = new LambdaClient({ region: REGION });
    const first = install();
    await client.send(new CreateFunctionCommand(createInput('one')));
    first.restore();

    const second = install();
    await client.send(new CreateFunctionCommand(createInput('two')));
    expect(functionNames(second)).toEqual(['two']);
    expect(functionNames(first)).toEqual(['one']);
    // The client answers from the new mock only: 'one' died with the first.
    await expect(client.send(new GetFunctionCommand({ FunctionName: 'one' }))).rejects.toThrow('Function not found');
  });

  test("a stale mock's restore() is a no-op: it does not uninstall the mock installed after it", async () => {
    const server = await startLocalLambda();
    try {
      const client = server.client();
      const first = install();
      first.restore();
      const second = install();
      first.restore();
      first.restore();
      await client.send(new CreateFunctionCommand(createInput('kept')));
      expect(functionNames(second)).toEqual(['kept']);
      expect(server.requests).toEqual([]);
      expect(() => install()).toThrow(/restore\(\)/);

      second.restore();
      second.restore();
      await expect(client.send(new GetFunctionCommand({ FunctionName: 'kept' }))).rejects.toThrow(SERVER_MESSAGE);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('reset() empties the store and the call log but keeps the mock installed', async () => {
    const server = await startLocalLambda();
    try {
      const client = server.client();
      const mock = install();
      await client.send(new CreateFunctionCommand(createInput('gone')));
      mock.reset();
      expect(functionNames(mock)).toEqual([]);
      expect(mock.calls).toEqual([]);
      await expect(client.send(new GetFunctionCommand({ FunctionName: 'gone' }))).rejects.toThrow('Function not found');
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
