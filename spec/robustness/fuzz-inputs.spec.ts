import fc from 'fast-check';
import { mockLambda, type LambdaMock } from '../../lib';
import { Figures, runs, seed } from './figures';
import { isKnownDeviation, MutationProbe, oneAttemptClient, problemWith, registeredOperations, sendOnce, storeIs, storeNow, storeOf } from './fuzz-harness';
import { seedWorld, namePools, type World } from './seed-world';
import { inputOf, type ShapeContext } from './shape-arbitraries';

// Every registered operation, fed generated inputs built from the API model (shape-arbitraries.ts):
// each answer is a success or an error the service could give, never a crash, a hang or
// `undefined`; an error leaves the store exactly as it was (transactions); and a success that
// changed the store, made to fail halfway through its changes, leaves it as it was too.
const figures = new Figures('fuzzed inputs');
figures.printAfterAll();

const operations = registeredOperations();
const INPUTS_PER_OPERATION = runs(60);

let lambda: LambdaMock;
const client = oneAttemptClient();
let world: World;
let ctx: ShapeContext;
let probe: MutationProbe;
const prototypeKeys = Reflect.ownKeys(Object.prototype);
/** Operations whose generated inputs changed the store at least once (the halfway failure was tried on them). */
const changedStore = new Set<string>();

let world0: ReturnType<typeof storeNow>;

beforeAll(async () => {
  // The world is built once; every input then starts from it with `reset()` (the mock is seeded with it).
  const builder = mockLambda();
  world = await seedWorld(builder, client);
  builder.restore();
  lambda = mockLambda({ seed: world.snapshot });
  world0 = storeNow(lambda);
  ctx = { pools: namePools(world) };
  probe = new MutationProbe();
});
afterAll(() => {
  probe.remove();
  lambda.restore();
  const untouched = operations.map((o) => o.operation).filter((op) => !changedStore.has(op));
  console.log(`robustness — fuzzed inputs: store-changing successes, failed halfway, in ${changedStore.size} operations; none in ${untouched.join(', ')}`);
});

test('the world every input starts from is built without an error', () => {
  expect(world.failures).toEqual([]);
});

test.each(operations.map((o) => [o.operation, o.Command] as const))('%s: every generated input gets an answer the service could give', async (operation, Command) => {
  await fc.assert(
    fc.asyncProperty(inputOf(ctx, operation), async (input) => {
      lambda.reset();
      probe.arm();
      const outcome = await sendOnce(client, Command, input);
      const mutations = probe.count;
      figures.add('inputs tried');

      const problem = problemWith(operation, input, outcome);
      if (problem && isKnownDeviation(operation, outcome)) figures.add('known deviations met');
      else if (problem) throw new Error(`${operation}: ${problem}`);
      expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      if (!outcome.ok) {
        figures.add('errors, store unchanged');
        // Transactions: a failed command changes nothing, and runs nothing.
        if (!storeIs(lambda, world0)) expect(storeOf(lambda)).toBe(world0.text);
        expect(lambda.invocations()).toHaveLength(0);
        return;
      }
      figures.add('successes');
      // A success stores only what a snapshot can hold.
      const after = storeOf(lambda);
      if (after === world0.text || mutations === 0) return;
      // The same success, failing at its first and at its last change: nothing of it stays.
      changedStore.add(operation);
      for (const failAt of new Set([1, mutations])) {
        lambda.reset();
        probe.arm(failAt);
        const failed = await sendOnce(client, Command, input);
        probe.arm();
        figures.add('failures halfway, store unchanged');
        expect(failed.ok ? 'success' : failed.error.name).toBe('ServiceException');
        if (!storeIs(lambda, world0)) expect(storeOf(lambda)).toBe(world0.text);
        expect(lambda.invocations()).toHaveLength(0);
      }
    }),
    { numRuns: INPUTS_PER_OPERATION, ...seed() },
  );
});
