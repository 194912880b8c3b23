/**
 * `npm run bench`: lambda-mock's cost against the SDK's own floor, printed as ratios measured in
 * one run (absolute figures vary by machine; the ratios are the targets).
 */
import { CreateFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { zipSync, strToU8 } from 'fflate';
import { performance } from 'node:perf_hooks';
import { mockLambda } from '../lib';

const ROLE = 'arn:aws:iam::123456789012:role/bench';
const ZIP = zipSync({ 'index.js': strToU8('exports.handler = async () => 1;') });
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function perOp(n: number, op: (i: number) => Promise<unknown>): Promise<number> {
  collectGarbage(); // each measurement starts from a clean heap, so one's garbage does not bill the next
  const start = performance.now();
  for (let i = 0; i < n; i++) await op(i);
  return ((performance.now() - start) * 1000) / n;
}

type BenchCommand = () => GetFunctionCommand | InvokeCommand;
const getFunction: BenchCommand = () => new GetFunctionCommand({ FunctionName: 'bench' });
const invoke: BenchCommand = () => new InvokeCommand({ FunctionName: 'bench', Payload: '{"order":42}' });

/** µs per command answered by a bare `initialize` middleware: the SDK's own floor. */
async function floor(n: number, command: BenchCommand): Promise<number> {
  const client = new LambdaClient({ region: 'us-east-1' });
  client.middlewareStack.add(() => async () => ({ output: { $metadata: {} }, response: undefined }), { step: 'initialize' });
  return perOp(n, () => client.send(command()));
}

const createBench = (client: LambdaClient) =>
  client.send(new CreateFunctionCommand({ FunctionName: 'bench', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: ZIP } }));

/** µs per command answered by lambda-mock. */
async function mocked(n: number, command: BenchCommand): Promise<number> {
  const lambda = mockLambda();
  try {
    const client = new LambdaClient({ region: 'us-east-1' });
    await createBench(client);
    return await perOp(n, () => client.send(command()));
  } finally {
    lambda.restore();
  }
}

/** Invokes per second while taking from a queue of `queued` results. */
async function queueThroughput(queued: number): Promise<number> {
  const lambda = mockLambda();
  try {
    const client = new LambdaClient({ region: 'us-east-1', cacheMiddleware: true });
    await createBench(client);
    lambda.setInvokeResults(Array.from({ length: queued }, (_, i) => `{"result":${i}}`), { region: 'us-east-1' });
    const us = await perOp(queued, () => client.send(new InvokeCommand({ FunctionName: 'bench' })));
    return 1e6 / us;
  } finally {
    lambda.restore();
  }
}

/** The median ratio of lambda-mock to the floor for one command, measured interleaved. */
async function ratio(name: string, command: BenchCommand, rounds: number, n: number): Promise<void> {
  await floor(2000, command);
  await mocked(2000, command); // warm-up
  const floors: number[] = [];
  const mocks: number[] = [];
  for (let r = 0; r < rounds; r++) {
    floors.push(await floor(n, command));
    mocks.push(await mocked(n, command));
  }
  const f = median(floors);
  const m = median(mocks);
  console.log(`${name}: floor ${f.toFixed(1)} µs, lambda-mock ${m.toFixed(1)} µs, ratio ${(m / f).toFixed(2)} (required ≤ 1.5${name === 'GetFunction' ? ', aimed ≤ 1.25' : ''})`);
}

/** µs per CreateFunction once `stored` functions exist. */
async function createAt(stored: number, measured: number): Promise<number> {
  const lambda = mockLambda();
  try {
    const client = new LambdaClient({ region: 'us-east-1', cacheMiddleware: true });
    const create = (name: string) =>
      client.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs22.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: ZIP } }));
    for (let i = 0; i < stored; i++) await create(`fill-${i}`);
    return await perOp(measured, (i) => create(`measured-${i}`));
  } finally {
    lambda.restore();
  }
}

async function main(): Promise<void> {
  await ratio('GetFunction', getFunction, 11, 5000);
  await ratio('Invoke', invoke, 11, 5000);
  await queueThroughput(5000); // warm-up
  const small = median([await queueThroughput(1000), await queueThroughput(1000), await queueThroughput(1000)]);
  const large = median([await queueThroughput(10000), await queueThroughput(10000), await queueThroughput(10000)]);
  console.log(`Invoke from the queue: ${Math.round(large)} invokes/s with 10,000 queued, ${Math.round(small)}/s with 1,000 (ratio ${(small / large).toFixed(2)}: O(1) taking keeps it near 1)`);

  const at1k: number[] = [];
  const at10k: number[] = [];
  for (let r = 0; r < 3; r++) {
    at1k.push(await createAt(1000, 2000));
    at10k.push(await createAt(10000, 2000));
  }
  const a = median(at1k);
  const b = median(at10k);
  console.log(`CreateFunction: ${a.toFixed(1)} µs at 1,000 functions, ${b.toFixed(1)} µs at 10,000, ratio ${(b / a).toFixed(2)} (required ≤ 1.5)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
