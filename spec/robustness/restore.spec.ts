import { CreateFunctionCommand, GetFunctionCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import fc from 'fast-check';
import { mockLambda, type LambdaMock } from '../../lib';
import { arnOf, createInput } from '../helpers/fixtures';
import { SERVER_MESSAGE, startLocalLambda, type LocalLambda } from '../fixtures/local-lambda';
import { Figures, runs, seed } from './figures';

// restore() gives every client back its real behaviour: random sequences of mockLambda(), restore()
// (once, twice), reset(), new clients and commands, with every client aimed at a local server the
// test started. "Real" is the server answering (its requests growing); "mocked" is lambda-mock
// answering, and the server seeing nothing.
const figures = new Figures('restore');
figures.printAfterAll();

let server: LocalLambda;
beforeAll(async () => {
  server = await startLocalLambda();
});
afterAll(() => server.close());

type Action =
  | { kind: 'install' }
  | { kind: 'restore' }
  /** restore() of the first mock of the sequence, which may be an earlier, already restored one. */
  | { kind: 'restoreFirst' }
  | { kind: 'reset' }
  | { kind: 'client'; cacheMiddleware: boolean }
  | { kind: 'create'; client: number }
  | { kind: 'get'; client: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ kind: 'install' }),
  fc.constant<Action>({ kind: 'restore' }),
  fc.constant<Action>({ kind: 'restoreFirst' }),
  fc.constant<Action>({ kind: 'reset' }),
  fc.boolean().map<Action>((cacheMiddleware) => ({ kind: 'client', cacheMiddleware })),
  fc.nat(3).map<Action>((client) => ({ kind: 'create', client })),
  fc.nat(3).map<Action>((client) => ({ kind: 'get', client })),
);

const show = (a: Action): string => (a.kind === 'client' ? `client(cacheMiddleware: ${a.cacheMiddleware})` : 'client' in a ? `${a.kind}(client ${a.client})` : `${a.kind}()`);

/** What a GetFunction of `fn` answers, as a name and message. */
async function getFn(client: LambdaClient): Promise<string> {
  try {
    const out = await client.send(new GetFunctionCommand({ FunctionName: 'fn' }));
    return `found ${out.Configuration?.FunctionArn}`;
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

test(`${runs(40)} random sequences of install, restore, reset, new clients and commands`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 10 }), async (actions) => {
      figures.add('sequences run');
      // Model: whether a mock is installed, and whether its store holds `fn`.
      let lambda: LambdaMock | undefined;
      let first: LambdaMock | undefined;
      let installed = false;
      let stored = false;
      const clients: LambdaClient[] = [server.client()];
      const log: string[] = [];
      try {
        for (const a of actions) {
          log.push(show(a));
          figures.add('actions run');
          const client = 'client' in a && typeof a.client === 'number' ? clients[a.client % clients.length]! : undefined;
          const requestsBefore = server.requests.length;
          switch (a.kind) {
            case 'install':
              if (installed) {
                expect(() => mockLambda()).toThrow('lambda-mock is already installed');
              } else {
                lambda = mockLambda();
                first ??= lambda;
                installed = true;
                stored = false;
              }
              break;
            case 'restore':
              // A second restore() (or one after another mock's) is harmless.
              lambda?.restore();
              installed = false;
              break;
            case 'restoreFirst':
              // Uninstalls only if it is the mock installed now: an earlier mock's restore() leaves a later one alone.
              first?.restore();
              if (first === lambda) installed = false;
              break;
            case 'reset':
              lambda?.reset();
              if (installed) stored = false;
              expect(lambda?.calls ?? []).toEqual([]);
              break;
            case 'client':
              clients.push(server.client({ cacheMiddleware: a.cacheMiddleware }));
              break;
            case 'create': {
              const answer = await client!.send(new CreateFunctionCommand(createInput('fn'))).then(
                () => 'created',
                (e: Error) => `${e.name}: ${e.message}`,
              );
              if (!installed) {
                // The local server answers every request with its 404.
                expect(answer).toBe(`ResourceNotFoundException: ${SERVER_MESSAGE}`);
                expect(server.requests.length).toBe(requestsBefore + 1);
              } else {
                expect(answer).toBe(stored ? 'ResourceConflictException: Function already exist: fn' : 'created');
                stored = true;
                expect(server.requests.length).toBe(requestsBefore);
              }
              break;
            }
            case 'get': {
              const answer = await getFn(client!);
              if (!installed) {
                expect(answer).toBe(`ResourceNotFoundException: ${SERVER_MESSAGE}`);
                expect(server.requests.length).toBe(requestsBefore + 1);
              } else {
                expect(answer).toBe(stored ? `found ${arnOf('fn')}` : `ResourceNotFoundException: Function not found: ${arnOf('fn')}`);
                expect(server.requests.length).toBe(requestsBefore);
              }
              break;
            }
          }
        }
        // Whatever came before, after restore() every client reaches the server.
        lambda?.restore();
        first?.restore();
        for (const client of clients) {
          const before = server.requests.length;
          expect(await getFn(client)).toBe(`ResourceNotFoundException: ${SERVER_MESSAGE}`);
          expect(server.requests.length).toBe(before + 1);
        }
      } catch (error) {
        throw new Error(`after ${log.join(', ')}: ${(error as Error).message}`);
      } finally {
        lambda?.restore();
        for (const client of clients) client.destroy();
      }
    }),
    { numRuns: runs(40), ...seed() },
  );
});
