/**
 * Seeding from a snapshot (run by `npm run example`): build a state once, save it as JSON, and start
 * later mocks from it — every `reset()` returns there. Zip bytes survive the trip through the file.
 */
import { GetFunctionCommand, CreateFunctionCommand, DeleteFunctionCommand, LambdaClient, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mockLambda, type LambdaSnapshot } from 'lambda-mock';

const client = new LambdaClient({ region: 'us-east-1' });
const folder = mkdtempSync(path.join(tmpdir(), 'lambda-mock-example-'));
const file = path.join(folder, 'lambda.json');

async function buildSeed(): Promise<void> {
  const lambda = mockLambda();
  try {
    await client.send(
      new CreateFunctionCommand({
        FunctionName: 'thumbnails',
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::123456789012:role/thumbnails',
        Code: { ZipFile: zipSync({ 'index.js': strToU8('exports.handler = async () => "resized";') }) },
        Tags: { team: 'media' },
      }),
    );
    await client.send(new PublishVersionCommand({ FunctionName: 'thumbnails' }));
    lambda.setInvokeResults(['{"resized":true}']);
    writeFileSync(file, JSON.stringify(lambda.snapshot(), null, 2));
    console.log(`saved ${lambda.state.functions().length} function(s) to a ${readFileSync(file).length}-byte snapshot`);
  } finally {
    lambda.restore();
  }
}

async function useSeed(): Promise<void> {
  const seed = JSON.parse(readFileSync(file, 'utf8')) as LambdaSnapshot;
  const lambda = mockLambda({ seed });
  try {
    const before = await client.send(new GetFunctionCommand({ FunctionName: 'thumbnails' }));
    console.log(`seeded: ${before.Configuration?.FunctionName}, CodeSha256 ${before.Configuration?.CodeSha256}, tags ${JSON.stringify(before.Tags)}`);

    await client.send(new DeleteFunctionCommand({ FunctionName: 'thumbnails' }));
    console.log(`after a test deletes it: ${lambda.state.functions().length} function(s)`);

    lambda.reset(); // what lambda-mock/jest and lambda-mock/vitest do before each test
    const after = await client.send(new GetFunctionCommand({ FunctionName: 'thumbnails' }));
    const same = after.Configuration?.CodeSha256 === before.Configuration?.CodeSha256;
    console.log(`after reset(): back, ${lambda.state.function('thumbnails')?.versions.length} version, same code: ${same}`);
  } finally {
    lambda.restore();
  }
}

buildSeed()
  .then(useSeed)
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(folder, { recursive: true, force: true }));
