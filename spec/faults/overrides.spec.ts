import {
  CreateFunctionCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { functionTimeout, mockLambda, serviceException, tooManyRequests, type LambdaMock } from '../../lib';
import { arnOf, createInput, REGION, storedState } from '../helpers/fixtures';
import { rejectionOf, retriesOf } from './helpers';

let lambda: LambdaMock;
let client: LambdaClient;
beforeEach(() => {
  lambda = mockLambda();
  // One attempt: these tests are about which answer comes, not about retries.
  client = new LambdaClient({ region: REGION, maxAttempts: 1 });
});
afterEach(() => lambda.restore());

const getFunction = (name = 'orders') => client.send(new GetFunctionCommand({ FunctionName: name }));
const invoke = (name = 'orders', extra: Partial<ConstructorParameters<typeof InvokeCommand>[0]> = {}) =>
  client.send(new InvokeCommand({ FunctionName: name, ...extra }));
/** Which answer each call got: the override's function name, or the error's name. */
const outcome = (promise: Promise<{ Configuration?: { FunctionName?: string } }>) =>
  promise.then(
    (answer) => answer.Configuration?.FunctionName ?? 'no configuration',
    (error: Error) => error.name,
  );

describe('answers', () => {
  test('resolves(): every matching call answers the output, with the SDK’s $metadata; the store never holds it', async () => {
    const before = storedState(lambda);
    lambda.on(GetFunctionCommand).resolves({ Configuration: { FunctionName: 'stubbed', Timeout: 9 } });
    const first = await getFunction();
    const second = await getFunction('other');
    expect([first.Configuration, second.Configuration]).toEqual([
      { FunctionName: 'stubbed', Timeout: 9 },
      { FunctionName: 'stubbed', Timeout: 9 },
    ]);
    expect(first.$metadata).toEqual({ httpStatusCode: 200, requestId: expect.any(String), extendedRequestId: undefined, cfId: undefined, attempts: 1, totalRetryDelay: 0 });
    expect(first.$metadata.requestId).not.toBe(second.$metadata.requestId);
    expect(storedState(lambda)).toEqual(before);
  });

  test('answers are copies: changing one, or the object given to resolves(), changes no later answer', async () => {
    const output = { Configuration: { FunctionName: 'stubbed' } };
    lambda.on(GetFunctionCommand).resolves(output);
    output.Configuration.FunctionName = 'changed';
    const first = await getFunction();
    first.Configuration!.FunctionName = 'mutated';
    expect((await getFunction()).Configuration?.FunctionName).toBe('stubbed');
  });

  test('once-answers come first, in order, then the lasting one; with neither left, the fake answers', async () => {
    lambda.on(GetFunctionCommand).resolvesOnce({ Configuration: { FunctionName: 'a' } }).resolvesOnce({ Configuration: { FunctionName: 'b' } });
    const outcomes = [await outcome(getFunction()), await outcome(getFunction()), await outcome(getFunction())];
    expect(outcomes).toEqual(['a', 'b', 'ResourceNotFoundException']);

    lambda.on(GetFunctionCommand).resolves({ Configuration: { FunctionName: 'always' } }).rejectsOnce(serviceException());
    expect([await outcome(getFunction()), await outcome(getFunction()), await outcome(getFunction())]).toEqual(['ServiceException', 'always', 'always']);
  });

  test('an Invoke output: Payload given as a string is the SDK’s blob, StatusCode is the status of the invocation type', async () => {
    lambda.on(InvokeCommand).resolves({ Payload: '{"stubbed":true}', ExecutedVersion: '$LATEST' });
    const sync = await invoke();
    // The SDK's blobs are made by `Uint8ArrayBlobAdapter.mutate`, whose class is not the exported one: compare names.
    expect(sync.Payload?.constructor.name).toBe('Uint8ArrayBlobAdapter');
    expect(sync.Payload?.transformToString()).toBe('{"stubbed":true}');
    expect([sync.StatusCode, sync.$metadata.httpStatusCode]).toEqual([200, 200]);
    const event = await invoke('orders', { InvocationType: 'Event' });
    expect([event.StatusCode, event.$metadata.httpStatusCode]).toEqual([202, 202]);
  });

  test('an Invoke output with plain bytes, and a StatusCode of its own', async () => {
    lambda.on(InvokeCommand).resolves({ Payload: new TextEncoder().encode('bytes'), StatusCode: 200, FunctionError: 'Handled' });
    const answer = await invoke();
    expect([answer.Payload?.transformToString(), answer.StatusCode, answer.FunctionError]).toEqual(['bytes', 200, 'Handled']);
  });
});

describe('rejections', () => {
  test('an SDK exception answers as the service sends it: a fresh instance of its class, with status, Type and request id', async () => {
    const given = new ResourceConflictException({ message: 'The operation cannot be performed at this time.', $metadata: {} });
    lambda.on(GetFunctionCommand).rejects(given);
    const error = await rejectionOf(getFunction());
    expect(error).toBeInstanceOf(ResourceConflictException);
    expect(error).not.toBe(given);
    expect({ message: error.message, status: error.$metadata.httpStatusCode, Type: error.Type, fault: error.$fault }).toEqual({
      message: 'The operation cannot be performed at this time.',
      status: 409,
      Type: 'User',
      fault: 'client',
    });
    expect(error.$metadata.requestId).toEqual(expect.any(String));
    expect(error.$response?.headers['x-amzn-errortype']).toBe('ResourceConflictException');
  });

  test('an SDK exception keeps its members, and takes the service’s usual message when it has none', async () => {
    lambda.on(InvokeCommand).rejects(new TooManyRequestsException({ $metadata: {}, Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded', message: '' }));
    const error = await rejectionOf(invoke());
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect([error.message, error.Reason, error.$metadata.httpStatusCode]).toEqual(['Rate Exceeded.', 'ReservedFunctionConcurrentInvocationLimitExceeded', 429]);
  });

  test('any other error is thrown as it is: not a service answer (e.g. the connection failing)', async () => {
    const failure = new Error('socket hang up');
    lambda.on(GetFunctionCommand).rejects(failure);
    const error = await rejectionOf(getFunction());
    expect(error).toBe(failure);
    expect(retriesOf(error)).toEqual({ attempts: 1, totalRetryDelay: 0 });
  });

  test('bad arguments are refused at once with a TypeError', () => {
    const behaviour = lambda.on(GetFunctionCommand);
    expect(() => behaviour.rejects('boom' as never)).toThrow(new TypeError('lambda-mock: rejects() takes an Error (such as an SDK exception) or a fault such as tooManyRequests()'));
    expect(() => behaviour.resolves(null as never)).toThrow(new TypeError("lambda-mock: resolves() takes the command's output object, not null"));
    expect(() => behaviour.delays(-1)).toThrow(new TypeError('lambda-mock: delays() takes a number of milliseconds, not -1'));
    expect(() => behaviour.rejects(functionTimeout() as never)).toThrow(new TypeError('lambda-mock: functionTimeout() answers InvokeCommand only, not GetFunctionCommand'));
    expect(() => lambda.on(GetFunctionCommand, 'orders' as never)).toThrow(new TypeError('lambda-mock: on() matches an input object'));
  });
});

describe('matching', () => {
  test('partial (the default): the input contains the members given, at any depth', async () => {
    lambda.on(CreateFunctionCommand, { Environment: { Variables: { STAGE: 'prod' } } }).resolves({ FunctionName: 'stubbed' });
    const prod = await client.send(new CreateFunctionCommand(createInput('a', { Environment: { Variables: { STAGE: 'prod', DEBUG: '1' } } })));
    const dev = await client.send(new CreateFunctionCommand(createInput('b', { Environment: { Variables: { STAGE: 'dev' } } })));
    expect([prod.FunctionName, dev.FunctionName]).toEqual(['stubbed', 'b']);
    expect([...lambda.state.region(REGION).functions.keys()]).toEqual(['b']);
  });

  test('only the command given: other commands are answered by the fake', async () => {
    lambda.on(GetFunctionCommand).rejects(serviceException());
    expect((await client.send(new ListFunctionsCommand({}))).Functions).toEqual([]);
  });

  test('strict: only an input equal to the one given', async () => {
    lambda.on(InvokeCommand, { FunctionName: 'orders' }, { strict: true }).resolves({ Payload: 'strict' });
    lambda.on(InvokeCommand, { FunctionName: 'orders' }).resolves({ Payload: 'partial' });
    // The newest rule decides: partial matches both calls.
    expect((await invoke()).Payload?.transformToString()).toBe('partial');
    lambda.on(InvokeCommand, { FunctionName: 'orders' }, { strict: true }).resolves({ Payload: 'strict' }); // made newest again
    expect((await invoke()).Payload?.transformToString()).toBe('strict');
    expect((await invoke('orders', { Qualifier: '$LATEST' })).Payload?.transformToString()).toBe('partial');
  });

  test('bytes match a string of the same text; asymmetric matchers decide for themselves', async () => {
    lambda.on(InvokeCommand, { Payload: '{"id":1}' }).resolves({ Payload: 'by payload' });
    lambda.on(InvokeCommand, { FunctionName: expect.stringMatching(/^billing-/) }).resolves({ Payload: 'by matcher' });
    expect((await invoke('orders', { Payload: new TextEncoder().encode('{"id":1}') })).Payload?.transformToString()).toBe('by payload');
    expect((await invoke('billing-eu')).Payload?.transformToString()).toBe('by matcher');
    expect(await rejectionOf(invoke('orders', { Payload: '{"id":2}' }))).toBeInstanceOf(ResourceNotFoundException);
  });

  test('a member given as undefined must be absent', async () => {
    lambda.on(InvokeCommand, { Qualifier: undefined }).resolves({ Payload: 'unqualified' });
    expect((await invoke()).Payload?.transformToString()).toBe('unqualified');
    expect(await rejectionOf(invoke('orders', { Qualifier: '1' }))).toBeInstanceOf(ResourceNotFoundException);
  });

  test('the newest matching rule decides; once it has nothing left, older rules do', async () => {
    lambda.on(GetFunctionCommand).resolves({ Configuration: { FunctionName: 'any function' } });
    lambda.on(GetFunctionCommand, { FunctionName: 'orders' }).resolvesOnce({ Configuration: { FunctionName: 'orders, once' } });
    expect([await outcome(getFunction('orders')), await outcome(getFunction('orders')), await outcome(getFunction('billing'))]).toEqual([
      'orders, once',
      'any function',
      'any function',
    ]);
  });

  test('on() with the same command and input returns the same rule: answers add up', async () => {
    lambda.on(GetFunctionCommand, { FunctionName: 'orders' }).resolvesOnce({ Configuration: { FunctionName: 'first' } });
    lambda.on(GetFunctionCommand, { FunctionName: 'orders' }).resolvesOnce({ Configuration: { FunctionName: 'second' } });
    expect([await outcome(getFunction()), await outcome(getFunction()), await outcome(getFunction())]).toEqual(['first', 'second', 'ResourceNotFoundException']);
  });
});

describe('overrides and the rest of the mock', () => {
  test('recorded in calls like any answer, typed by commandCalls', async () => {
    lambda.on(GetFunctionCommand).resolvesOnce({ Configuration: { FunctionName: 'stubbed' } }).rejectsOnce(serviceException());
    await getFunction();
    const error = await rejectionOf(getFunction('billing'));
    const calls = lambda.commandCalls(GetFunctionCommand);
    expect(calls.map((c) => [c.input.FunctionName, c.output?.Configuration?.FunctionName, c.error])).toEqual([
      ['orders', 'stubbed', undefined],
      ['billing', undefined, error],
    ]);
  });

  test('never change the store: an overridden CreateFunction creates nothing, a failing one leaves all as it was', async () => {
    await client.send(new CreateFunctionCommand(createInput('existing')));
    const before = storedState(lambda);
    lambda.on(CreateFunctionCommand, { FunctionName: 'stubbed' }).resolves({ FunctionName: 'stubbed', State: 'Active' });
    lambda.on(CreateFunctionCommand, { FunctionName: 'failing' }).rejects(tooManyRequests());
    expect((await client.send(new CreateFunctionCommand(createInput('stubbed')))).State).toBe('Active');
    expect(await rejectionOf(client.send(new CreateFunctionCommand(createInput('failing'))))).toBeInstanceOf(TooManyRequestsException);
    expect(storedState(lambda)).toEqual(before);
    const stubbed = await rejectionOf(getFunction('stubbed'));
    expect(stubbed.message).toBe(`Function not found: ${arnOf('stubbed')}`);
  });

  test('reset() clears them; a behaviour kept from before answers again once given new answers', async () => {
    const behaviour = lambda.on(GetFunctionCommand).resolves({ Configuration: { FunctionName: 'stubbed' } });
    lambda.reset();
    expect(await outcome(getFunction())).toBe('ResourceNotFoundException');
    behaviour.resolvesOnce({ Configuration: { FunctionName: 'again' } });
    expect([await outcome(getFunction()), await outcome(getFunction())]).toEqual(['again', 'stubbed']);
  });

  test('clearOverrides() removes them and keeps the store', async () => {
    await client.send(new CreateFunctionCommand(createInput('orders')));
    lambda.on(GetFunctionCommand).rejects(serviceException());
    lambda.clearOverrides();
    expect(await outcome(getFunction())).toBe('orders');
  });

  test('a request the SDK refuses to send (no FunctionName) uses up no once-answer', async () => {
    lambda.on(GetFunctionCommand).rejectsOnce(serviceException());
    const refused = await rejectionOf(client.send(new GetFunctionCommand({} as never)));
    expect(refused.message).toBe('No value provided for input HTTP label: FunctionName.');
    expect(refused.$metadata).toBeUndefined();
    expect(await outcome(getFunction())).toBe('ServiceException');
  });
});

describe('typed by the command', () => {
  // Never called: the compiler (`npx tsc`, ts-jest) checks that each marked line fails to compile.
  const typeChecks = (mock: LambdaMock): void => {
    mock.on(GetFunctionCommand).resolves({ Configuration: { FunctionName: 'orders', Timeout: 3 } });
    mock.on(InvokeCommand, { FunctionName: 'orders', InvocationType: 'Event' }).resolves({ StatusCode: 202, Payload: 'text' });
    mock.on(InvokeCommand).rejectsOnce(functionTimeout()).rejects(tooManyRequests()).delays(10);
    // @ts-expect-error FunctionName is a string
    mock.on(GetFunctionCommand).resolves({ Configuration: { FunctionName: 42 } });
    // @ts-expect-error GetFunction's output has no Payload
    mock.on(GetFunctionCommand).resolves({ Payload: 'text' });
    // @ts-expect-error InvocationType is RequestResponse, Event or DryRun
    mock.on(InvokeCommand, { InvocationType: 'Sometimes' });
    // @ts-expect-error a function timeout answers Invoke only
    mock.on(GetFunctionCommand).rejects(functionTimeout());
    // @ts-expect-error rejects() takes an Error or a fault
    mock.on(GetFunctionCommand).rejects('boom');
  };

  test('the type checks above are compiled with the suite', () => {
    expect(typeChecks).toBeInstanceOf(Function);
  });
});
