import {
  CreateFunctionCommand,
  GetFunctionCommand,
  LambdaServiceException,
  ListFunctionsCommand,
  ResourceNotFoundException,
  UpdateFunctionConfigurationCommand,
  type CreateFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../lib';
import { ACCOUNT, createInput, errorOf, newClient, REGION } from '../helpers/fixtures';

let lambda: LambdaMock;
afterEach(() => lambda.restore());

const withoutMetadata = <T extends { $metadata?: unknown }>(answer: T): Omit<T, '$metadata'> => {
  const { $metadata: _, ...rest } = answer;
  return rest;
};

describe('lambda.calls', () => {
  test('records command, operation, input, output or error, region and account, in order', async () => {
    lambda = mockLambda();
    const sent = createInput('logged', { Description: 'first' });
    const created = await newClient().send(new CreateFunctionCommand(sent));
    const got = await newClient().send(new GetFunctionCommand({ FunctionName: 'logged' }));
    const missing = await errorOf(newClient('eu-west-1').send(new GetFunctionCommand({ FunctionName: 'logged' })));

    expect(lambda.calls).toHaveLength(3);
    const [create, get, failed] = lambda.calls;
    expect(create).toMatchObject({ commandName: 'CreateFunctionCommand', operation: 'CreateFunction', region: REGION, accountId: ACCOUNT });
    expect(create?.input).toEqual(sent);
    expect(create?.output).toEqual(withoutMetadata(created));
    expect(create?.error).toBeUndefined();

    expect(get).toMatchObject({ commandName: 'GetFunctionCommand', operation: 'GetFunction', input: { FunctionName: 'logged' }, region: REGION });
    expect(get?.output).toEqual(withoutMetadata(got));

    expect(failed).toMatchObject({ commandName: 'GetFunctionCommand', operation: 'GetFunction', region: 'eu-west-1', accountId: ACCOUNT });
    expect(failed?.output).toBeUndefined();
    expect(failed?.error).toBe(missing);
    expect(failed?.error).toBeInstanceOf(ResourceNotFoundException);
  });

  test('the input recorded is a copy: changing the object sent afterwards does not change the log', async () => {
    lambda = mockLambda();
    const sent: CreateFunctionCommandInput = createInput('copied', { Environment: { Variables: { MODE: 'a' } }, Layers: [] });
    const zip = sent.Code!.ZipFile!;
    await newClient().send(new CreateFunctionCommand(sent));

    sent.FunctionName = 'changed';
    sent.Environment!.Variables!.MODE = 'changed';
    sent.Layers!.push('arn:aws:lambda:us-east-1:123456789012:layer:x:1');
    zip[0] = zip[0]! ^ 0xff;

    const [call] = lambda.commandCalls(CreateFunctionCommand);
    expect(call?.input.FunctionName).toBe('copied');
    expect(call?.input.Environment?.Variables).toEqual({ MODE: 'a' });
    expect(call?.input.Layers).toEqual([]);
    expect(call?.input.Code?.ZipFile).not.toBe(zip);
    expect(call?.input.Code?.ZipFile?.[0]).toBe(zip[0]! ^ 0xff);
  });

  test('a zip sent as a Buffer (as readFileSync gives it) is copied too', async () => {
    lambda = mockLambda();
    // Buffer#slice shares memory with the original: a copy made with it would follow the change below.
    const zip = Buffer.from(createInput('x').Code!.ZipFile!);
    const first = zip[0]!;
    await newClient().send(new CreateFunctionCommand(createInput('buffer', { Code: { ZipFile: zip } })));
    zip.fill(0);
    const logged = lambda.commandCalls(CreateFunctionCommand)[0]?.input.Code?.ZipFile;
    expect(logged?.[0]).toBe(first);
    expect(Buffer.from(logged!).equals(zip)).toBe(false);
  });

  test('a command refused before any handler runs (no FunctionName) is logged, with a copy of its input', async () => {
    lambda = mockLambda();
    const sent = { Qualifier: '1' } as { FunctionName?: string; Qualifier: string };
    const error = await errorOf(newClient().send(new GetFunctionCommand(sent as never)));
    expect(error.message).toBe('No value provided for input HTTP label: FunctionName.');
    sent.Qualifier = 'changed';
    expect(lambda.calls).toHaveLength(1);
    expect(lambda.calls[0]).toMatchObject({ commandName: 'GetFunctionCommand', input: { Qualifier: '1' }, error });
  });

  test('a validation failure is logged with the input and the error', async () => {
    lambda = mockLambda();
    const error = await errorOf(newClient().send(new CreateFunctionCommand(createInput('fn', { MemorySize: 64 }))));
    expect(error).toBeInstanceOf(LambdaServiceException);
    expect(lambda.calls).toHaveLength(1);
    expect(lambda.calls[0]).toMatchObject({ operation: 'CreateFunction', input: { FunctionName: 'fn', MemorySize: 64 } });
    expect(lambda.calls[0]?.error).toBe(error);
  });
});

describe('lambda.commandCalls()', () => {
  test('filters the log by command, typed by the command', async () => {
    lambda = mockLambda();
    const client = newClient();
    await client.send(new CreateFunctionCommand(createInput('a')));
    await client.send(new GetFunctionCommand({ FunctionName: 'a' }));
    await client.send(new ListFunctionsCommand({}));
    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'a', Timeout: 10 }));
    await client.send(new GetFunctionCommand({ FunctionName: 'a', Qualifier: '$LATEST' }));

    const gets = lambda.commandCalls(GetFunctionCommand);
    expect(gets).toHaveLength(2);
    expect(gets.every((call) => call.commandName === 'GetFunctionCommand')).toBe(true);
    // Typed: the input and output members are the command's own.
    const qualifier: string | undefined = gets[1]?.input.Qualifier;
    const timeout: number | undefined = gets[1]?.output?.Configuration?.Timeout;
    expect(qualifier).toBe('$LATEST');
    expect(timeout).toBe(10);
    // @ts-expect-error GetFunctionCommandInput has no member Timeout: `npx tsc` fails if commandCalls is untyped.
    expect(gets[0]?.input.Timeout).toBeUndefined();

    expect(lambda.commandCalls(ListFunctionsCommand)).toHaveLength(1);
    expect(lambda.commandCalls(UpdateFunctionConfigurationCommand)[0]?.input).toEqual({ FunctionName: 'a', Timeout: 10 });
    expect(lambda.commandCalls(CreateFunctionCommand)[0]?.output?.State).toBe('Pending');
  });
});
