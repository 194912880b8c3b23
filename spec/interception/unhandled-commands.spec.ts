import * as sdk from '@aws-sdk/client-lambda';
import { $Command, LambdaClient } from '@aws-sdk/client-lambda';
import { getEndpointPlugin } from '@smithy/core/endpoints';
import type { EndpointParameterInstructions } from '@smithy/types';
import { mockLambda, UnhandledCommandError, type LambdaMock } from '../../lib';
import { operationSpecs } from '../../lib/model/lambda-model.generated';
import { handlers } from '../../lib/operations/registry';
import { startLocalLambda, type LocalLambda } from '../fixtures/local-lambda';

// A command lambda-mock cannot answer must fail loudly with UnhandledCommandError: never resolve to
// undefined, never fall through to the network (the local server must see nothing).
let server: LocalLambda;
let lambda: LambdaMock | undefined;
beforeEach(async () => {
  server = await startLocalLambda();
});
afterEach(async () => {
  lambda?.restore();
  lambda = undefined;
  await server.close();
});

/** `client.send` without its Lambda-only typing, for commands of other services. */
const sendAny = (client: LambdaClient, command: unknown): Promise<unknown> =>
  (client.send as (command: unknown) => Promise<unknown>).call(client, command);

/**
 * A command class built the way the SDK builds every command, for client `clientName`. It carries
 * the endpoint plugin as every SDK command does: a LambdaClient's stack cannot be resolved without it.
 */
const fakeCommand = (clientName?: string, commandName?: string) => {
  const builder = $Command
    .classBuilder<object, sdk.ServiceOutputTypes, sdk.LambdaClientResolvedConfig>()
    .ep({})
    .m(function (this: unknown, CommandCtor: { getEndpointParameterInstructions(): EndpointParameterInstructions }, _stack: unknown, config: Parameters<typeof getEndpointPlugin>[0]) {
      return [getEndpointPlugin(config, CommandCtor.getEndpointParameterInstructions())];
    })
    .s('FakeService', commandName ?? 'Fake')
    .f();
  if (clientName !== undefined && commandName !== undefined) builder.n(clientName, commandName);
  return builder.build();
};

const outcome = async (promise: Promise<unknown>): Promise<{ resolved: unknown } | { rejected: unknown }> =>
  promise.then((resolved) => ({ resolved }), (rejected: unknown) => ({ rejected }));

describe('commands lambda-mock cannot answer', () => {
  test("another service's command sent through a LambdaClient", async () => {
    class ListBucketsCommand extends fakeCommand('S3Client', 'ListBucketsCommand') {}
    lambda = mockLambda();
    const result = await outcome(sendAny(server.client(), new ListBucketsCommand({})));
    expect(result).toEqual({ rejected: expect.any(UnhandledCommandError) });
    const error = (result as { rejected: UnhandledCommandError }).rejected;
    expect(error.commandName).toBe('ListBucketsCommand');
    expect(error.message).toBe('lambda-mock cannot answer ListBucketsCommand: it is a S3Client command, not a Lambda command');
    expect(server.requests).toEqual([]);
  });

  test('a command built without a client or command name is named after its class', async () => {
    class AnonymousThingCommand extends fakeCommand() {}
    lambda = mockLambda();
    const result = await outcome(sendAny(server.client(), new AnonymousThingCommand({})));
    const error = (result as { rejected: UnhandledCommandError }).rejected;
    expect(error).toBeInstanceOf(UnhandledCommandError);
    expect(error.commandName).toBe('AnonymousThingCommand');
    expect(error.message).toBe('lambda-mock cannot answer AnonymousThingCommand: it is not a Lambda command');
    expect(server.requests).toEqual([]);
  });

  test('a LambdaClient command that is no Lambda operation', async () => {
    class FrobnicateCommand extends fakeCommand('LambdaClient', 'FrobnicateCommand') {}
    lambda = mockLambda();
    const error = (await outcome(sendAny(server.client(), new FrobnicateCommand({})))) as { rejected: UnhandledCommandError };
    expect(error.rejected).toBeInstanceOf(UnhandledCommandError);
    expect(error.rejected.message).toBe('lambda-mock cannot answer FrobnicateCommand: it is not a Lambda operation');
    expect(server.requests).toEqual([]);
  });

  test('every Lambda command lambda-mock has no handler for yet is refused by name', async () => {
    // Computed from the SDK's exports and the handler registry, so it stays true as handlers are added.
    const unhandled = Object.entries(sdk).filter(
      ([name, value]) => name.endsWith('Command') && name !== '$Command' && typeof value === 'function' && !(name.slice(0, -'Command'.length) in handlers),
    ) as [string, new (input: object) => object][];
    // Every command of this SDK has a handler now (spec/operations/every-command.spec.ts): one is taken out
    // of the registry for this test, as a command of a newer SDK would be missing from it.
    const registry = handlers as Record<string, unknown>;
    const withdrawn = registry.GetAlias;
    if (unhandled.length === 0) {
      delete registry.GetAlias;
      unhandled.push(['GetAliasCommand', sdk.GetAliasCommand as unknown as new (input: object) => object]);
    }

    lambda = mockLambda();
    const client = server.client();
    try {
      for (const [name, Command] of unhandled) {
        const result = await outcome(sendAny(client, new Command({ FunctionName: 'f' })));
        expect({ name, result }).toEqual({ name, result: { rejected: expect.any(UnhandledCommandError) } });
        const error = (result as { rejected: UnhandledCommandError }).rejected;
        expect(error.commandName).toBe(name);
        // The bundled model (model/lambda-2015-03-31.json) lacks a few operations this SDK has
        // (the *ResourcePolicy ones): lambda-mock then says "not a Lambda operation"; only the name is asserted.
        if (name.slice(0, -'Command'.length) in operationSpecs) {
          expect(error.message).toBe(`lambda-mock cannot answer ${name}: lambda-mock has no handler for it yet`);
        } else {
          expect(error.message).toMatch(new RegExp(`^lambda-mock cannot answer ${name}: `));
        }
      }
      expect(server.requests).toEqual([]);
      // The call log keeps them too, so a test can see what its code tried.
      expect(lambda.calls.map((c) => c.commandName)).toEqual(unhandled.map(([name]) => name));
    } finally {
      registry.GetAlias = withdrawn;
    }
  });
});
