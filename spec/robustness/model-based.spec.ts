import { LambdaClient } from '@aws-sdk/client-lambda';
import fc from 'fast-check';
import { mockLambda, type LambdaMock } from '../../lib';
import { REGION } from '../helpers/fixtures';
import { Figures, runs, seed } from './figures';
import { Model, modelCommands, type Settle } from './reference-model';

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
      fc.asyncProperty(fc.commands(modelCommands(), { maxCommands: 25, size: 'medium' }), async (commands) => {
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
