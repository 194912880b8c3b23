import { LambdaClient } from '@aws-sdk/client-lambda';
import { lambda } from 'lambda-mock/jest';
import { createWorker, sendJob } from './functions.js';

const client = new LambdaClient({ region: 'eu-west-1' });

test('creates the worker and sends it a job', async () => {
  await createWorker(client, 'resize-images');
  const status = await sendJob(client, 'resize-images', { image: 'cat.png' });

  expect(status).toBe(202);
  expect(lambda).toHaveFunction('resize-images', { MemorySize: 256, State: 'Active' });
  expect(lambda).toHaveInvoked('resize-images', { payload: { image: 'cat.png' } });
});

test('every test starts from an empty Lambda', () => {
  expect(lambda.state.functions()).toEqual([]);
  expect(lambda).not.toHaveFunction('resize-images');
});
