import {
  CreateFunctionCommand,
  GetFunctionCommand,
  LambdaClient,
  ResourceNotFoundException,
  type CreateFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import type { InitializeMiddleware, MetadataBearer } from '@smithy/types';
import { mockLambda, type LambdaMock } from '../../lib';
import { REGION, createInput } from '../helpers/fixtures';
import { rejectionOf, startLocalLambda } from '../fixtures/local-lambda';

let lambda: LambdaMock | undefined;
afterEach(() => {
  lambda?.restore();
  lambda = undefined;
});

/** Runs `body` with no region and no credentials reachable through the SDK's default chains. */
async function withBareEnvironment<T>(body: () => Promise<T>): Promise<T> {
  const keys = [
    'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
    'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN',
  ];
  const saved = new Map(keys.map((k) => [k, process.env[k]]));
  for (const k of keys) delete process.env[k];
  process.env.AWS_CONFIG_FILE = '/nonexistent/lambda-mock/config';
  process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/lambda-mock/credentials';
  // Were the default credential chain ever consulted, it would fail fast instead of waiting on IMDS.
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  try {
    return await body();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('client configuration', () => {
  test('a client with no credentials configured works: credentials are never resolved', async () => {
    await withBareEnvironment(async () => {
      lambda = mockLambda();
      const defaultChain = new LambdaClient({ region: REGION });
      let providerCalls = 0;
      const refusing = new LambdaClient({
        region: REGION,
        credentials: async () => {
          providerCalls++;
          throw new Error('credentials must not be resolved');
        },
      });
      await defaultChain.send(new CreateFunctionCommand(createInput('no-creds')));
      const got = await refusing.send(new GetFunctionCommand({ FunctionName: 'no-creds' }));
      expect(got.Configuration?.FunctionName).toBe('no-creds');
      expect(providerCalls).toBe(0);

      // The control: without lambda-mock the same client does need them.
      lambda.restore();
      await expect(refusing.send(new GetFunctionCommand({ FunctionName: 'no-creds' }))).rejects.toThrow('credentials must not be resolved');
      expect(providerCalls).toBeGreaterThan(0);
    });
  });

  test("a client with no region fails with the SDK's own `Region is missing`, as it does without lambda-mock", async () => {
    const server = await startLocalLambda();
    try {
      await withBareEnvironment(async () => {
        const client = new LambdaClient({ endpoint: server.endpoint, credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
        lambda = mockLambda();
        const mocked = await rejectionOf(client.send(new GetFunctionCommand({ FunctionName: 'f' })));
        lambda.restore();
        const real = await rejectionOf(client.send(new GetFunctionCommand({ FunctionName: 'f' })));
        client.destroy();
        expect(mocked).toBeInstanceOf(Error);
        expect(mocked).not.toBeInstanceOf(ResourceNotFoundException);
        expect(mocked.message).toBe('Region is missing');
        expect([Object.getPrototypeOf(mocked), mocked.name, mocked.message]).toEqual([Object.getPrototypeOf(real), real.name, real.message]);
        expect(server.requests).toEqual([]);
      });
    } finally {
      await server.close();
    }
  });

  test('what the SDK refuses before sending (a missing HTTP label) is refused the same way, and nothing is stored', async () => {
    const server = await startLocalLambda();
    try {
      const client = server.client();
      lambda = mockLambda();
      const mocked = await rejectionOf(client.send(new GetFunctionCommand({} as never)));
      const mockedCreate = await rejectionOf(client.send(new CreateFunctionCommand({ ...createInput('x'), FunctionName: undefined } as unknown as CreateFunctionCommandInput)));
      expect(lambda.state.region(REGION).functions.size).toBe(0);
      lambda.restore();
      const real = await rejectionOf(client.send(new GetFunctionCommand({} as never)));

      expect(mocked.message).toBe('No value provided for input HTTP label: FunctionName.');
      // A missing body member, by contrast, is sent: the service's own validation answers it.
      expect([mockedCreate.name, mockedCreate.message]).toEqual([
        'ValidationException',
        "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null",
      ]);
      expect([Object.getPrototypeOf(mocked), mocked.name, mocked.message]).toEqual([Object.getPrototypeOf(real), real.name, real.message]);
      // Neither the mocked nor the real client sent it.
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe("a user's initialize middleware", () => {
  // Adds a prefix to FunctionName and records what it saw, before and after lambda-mock answers.
  const prefixing = <I extends object, O extends MetadataBearer>(seen: string[]): InitializeMiddleware<I, O> => (next, context) => async (args) => {
    const input = args.input as { FunctionName?: string };
    seen.push(`${context.commandName}:${input.FunctionName}`);
    try {
      const result = await next({ ...args, input: { ...input, FunctionName: `team-${input.FunctionName}` } as I });
      seen.push(`output:${result.output.$metadata.httpStatusCode}`);
      return result;
    } catch (error) {
      seen.push(`error:${(error as Error).name}`);
      throw error;
    }
  };

  test('still runs, and lambda-mock answers the input it modified', async () => {
    lambda = mockLambda();
    const client = new LambdaClient({ region: REGION });
    const seen: string[] = [];
    client.middlewareStack.add(prefixing(seen), { step: 'initialize', name: 'prefixing' });

    const created = await client.send(new CreateFunctionCommand(createInput('orders')));
    expect(created.FunctionName).toBe('team-orders');
    expect([...lambda.state.region(REGION).functions.keys()]).toEqual(['team-orders']);
    expect(lambda.calls[0]?.input).toMatchObject({ FunctionName: 'team-orders' });
    await client.send(new GetFunctionCommand({ FunctionName: 'missing' })).catch(() => undefined);
    expect(seen).toEqual(['CreateFunctionCommand:orders', 'output:201', 'GetFunctionCommand:missing', 'error:ResourceNotFoundException']);
  });

  test('added after the client was intercepted (cacheMiddleware off), or on the command, still runs', async () => {
    lambda = mockLambda();
    const client = new LambdaClient({ region: REGION });
    await client.send(new CreateFunctionCommand(createInput('team-a')));
    const seen: string[] = [];
    client.middlewareStack.add(prefixing(seen), { step: 'initialize', name: 'prefixing' });
    expect((await client.send(new GetFunctionCommand({ FunctionName: 'a' }))).Configuration?.FunctionName).toBe('team-a');

    const onCommand: string[] = [];
    const command = new GetFunctionCommand({ FunctionName: 'b' });
    command.middlewareStack.add(prefixing(onCommand), { step: 'initialize', name: 'prefixing-command' });
    await client.send(new CreateFunctionCommand(createInput('team-b'))); // stored as team-team-b
    // Both prefixes apply: the client's first, then the command's, then lambda-mock answers.
    expect((await client.send(command)).Configuration?.FunctionName).toBe('team-team-b');
    expect(onCommand).toEqual(['GetFunctionCommand:team-b', 'output:200']);
  });
});
