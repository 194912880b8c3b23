import { LambdaClient } from '@aws-sdk/client-lambda';
import fc from 'fast-check';
import { mockLambda, type LambdaMock } from '../../lib';
import { REGION } from '../helpers/fixtures';
import { Figures, runs, seed } from './figures';
import { modelSequences } from './model-commands';
import { answersSeen, Model, type Settle } from './reference-model';

// Random sequences of commands run against lambda-mock and against the reference model
// (reference-model.ts) side by side: every answer and the stored state after every command agree.
// A failure prints the shrunk sequence (fast-check's counterexample) and the seed to replay it with
// LAMBDA_MOCK_FUZZ_SEED.
const figures = new Figures('model-based');
figures.printAfterAll();

const SEQUENCES_PER_MODE = runs(500);

// Property runs and child processes take seconds, more on a loaded machine: a limit that cannot fail a correct run.
jest.setTimeout(60_000);

describe.each<Settle>(['instant', 'on-read'])("settle: '%s'", (settle) => {
  let lambda: LambdaMock;
  // One attempt: a throttled invoke is the answer under test, not something to retry.
  const client = new LambdaClient({ region: REGION, maxAttempts: 1 });
  beforeAll(() => {
    lambda = mockLambda({ settle });
  });
  afterAll(() => lambda.restore());

  test(`${SEQUENCES_PER_MODE} random sequences agree with the reference model`, async () => {
    await fc.assert(
      fc.asyncProperty(modelSequences(30), async (commands) => {
        lambda.reset();
        const model = new Model(settle);
        figures.add('sequences run');
        await fc.asyncModelRun(() => ({ model, real: { lambda, client } }), commands);
        figures.add('commands run', model.commands);
      }),
      { numRuns: SEQUENCES_PER_MODE, ...seed() },
    );
  });
});

// A sequence that only ever meets missing functions agrees with any model: every command must have
// reached success (and the whole run both successes and refusals) for the agreement to mean something.
test('every command of the model succeeded in some sequence', () => {
  const commands = new Set([...answersSeen.keys()].map((key) => key.split(' ')[0]!));
  const neverSucceeded = [...commands].filter((c) => !answersSeen.has(`${c} success`));
  expect(neverSucceeded).toEqual([]);
  const total = (answer: 'success' | 'refused') =>
    [...answersSeen].filter(([key]) => (key.endsWith(' success') ? 'success' : 'refused') === answer).reduce((sum, [, n]) => sum + n, 0);
  figures.add('answers compared (success)', total('success'));
  figures.add('answers compared (refused)', total('refused'));
  // 15 on functions, versions, invokes, tags and concurrency; 5 on aliases; 3 on policies.
  expect(commands.size).toBe(23);
});
