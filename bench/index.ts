/**
 * `npm run bench`: lambda-mock's cost against the SDK's own floor, printed as ratios measured in
 * one run (absolute figures vary by machine; the ratios are the targets).
 */
import { CreateFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { zipSync, strToU8 } from 'fflate';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mockLambda, startLambdaServer } from '../lib';

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

/** Requests per second when `op` runs `total` times with `inFlight` of them running at once. */
async function perSecond(total: number, inFlight: number, op: () => Promise<unknown>): Promise<number> {
  collectGarbage();
  let started = 0;
  const lane = async (): Promise<void> => {
    while (started < total) {
      started += 1;
      await op();
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  return (total * 1000) / (performance.now() - start);
}

/** One GET on a keep-alive agent, read to its end: the server's own cost, without the SDK's. */
const rawGet = (agent: http.Agent, url: string): Promise<void> =>
  new Promise((resolve, reject) => {
    http.get(url, { agent }, (res) => res.resume().on('end', resolve).on('error', reject)).on('error', reject);
  });

/** The SDK's own HTTP floor: GetFunction one at a time against a server that answers a fixed body at once. */
async function httpFloor(total: number, body: string): Promise<number> {
  const server = http.createServer((req, res) => {
    req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  try {
    const { port } = server.address() as { port: number };
    const client = new LambdaClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
      requestHandler: { httpAgent: agent },
    });
    await perSecond(1000, 1, () => client.send(getFunction())); // warm-up
    return await perSecond(total, 1, () => client.send(getFunction()));
  } finally {
    agent.destroy();
    server.closeAllConnections();
    server.close();
  }
}

/** Milliseconds from spawning `lambda-mock serve` (a new Node process) to its printed URL. */
function cliStartup(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [path.resolve('bin', 'lambda-mock.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('listening on ')) return;
      const ms = performance.now() - start;
      child.once('exit', () => resolve(ms)).kill('SIGINT');
    });
    child.once('error', reject);
  });
}

/** The body of one GET. */
const rawBody = (agent: http.Agent, url: string): Promise<string> =>
  new Promise((resolve, reject) => {
    http.get(url, { agent }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(text)).on('error', reject);
    });
  });

/**
 * Server mode: how long `startLambdaServer()` takes to listen, and GetFunction requests per second
 * over HTTP with keep-alive (the SDK client, and a bare HTTP client for the server's own share),
 * against the SDK's HTTP floor and beside the in-process mock, in the same run.
 */
async function serverMode(): Promise<void> {
  const startups: number[] = [];
  for (let i = 0; i < 21; i++) {
    const start = performance.now();
    const server = await startLambdaServer();
    startups.push(performance.now() - start);
    await server.close();
  }
  const server = await startLambdaServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  try {
    const client = new LambdaClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
      requestHandler: { httpAgent: agent },
    });
    await createBench(client);
    const url = `${server.url}/2015-03-31/functions/bench`;
    await perSecond(2000, 16, () => client.send(getFunction())); // warm-up
    const sdkOne = median([
      await perSecond(3000, 1, () => client.send(getFunction())),
      await perSecond(3000, 1, () => client.send(getFunction())),
      await perSecond(3000, 1, () => client.send(getFunction())),
    ]);
    const sdkMany = median([
      await perSecond(5000, 16, () => client.send(getFunction())),
      await perSecond(5000, 16, () => client.send(getFunction())),
      await perSecond(5000, 16, () => client.send(getFunction())),
    ]);
    const raw = median([
      await perSecond(10000, 16, () => rawGet(agent, url)),
      await perSecond(10000, 16, () => rawGet(agent, url)),
      await perSecond(10000, 16, () => rawGet(agent, url)),
    ]);
    client.destroy();
    const answer = await rawBody(agent, url);
    const floorRate = median([await httpFloor(3000, answer), await httpFloor(3000, answer), await httpFloor(3000, answer)]);
    const inProcess = 1e6 / median([await mocked(5000, getFunction), await mocked(5000, getFunction), await mocked(5000, getFunction)]);
    const cli = median([await cliStartup(), await cliStartup(), await cliStartup()]);
    const cliKind = existsSync(path.resolve('dist', 'cjs', 'cli.js')) ? 'the build in dist/' : 'lib/ through tsx';
    console.log(
      `Server mode: startLambdaServer() listens in ${median(startups).toFixed(2)} ms (median of 21); ` +
        `\`lambda-mock serve\` prints its URL ${Math.round(cli)} ms after its process is spawned (${cliKind}). GetFunction over HTTP with keep-alive: ` +
        `${Math.round(sdkOne)} req/s one at a time (the SDK against a server answering a fixed body: ${Math.round(floorRate)} req/s, ` +
        `ratio ${(floorRate / sdkOne).toFixed(2)}) and ${Math.round(sdkMany)} req/s 16 in flight with the SDK client, ` +
        `${Math.round(raw)} req/s 16 in flight with a bare HTTP client; in process: ${Math.round(inProcess)} req/s ` +
        `(${(inProcess / sdkOne).toFixed(1)}× the one-at-a-time HTTP rate)`,
    );
  } finally {
    agent.destroy();
    await server.close();
  }
}

/** Invokes per second of a trivial handler run in process (`setHandler`, and the zip's own code). */
async function inProcessThroughput(n: number): Promise<{ handler: number; code: number }> {
  const lambda = mockLambda({ execute: 'code' });
  try {
    const client = new LambdaClient({ region: 'us-east-1', cacheMiddleware: true });
    await createBench(client);
    await client.send(new CreateFunctionCommand({ FunctionName: 'registered', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: ZIP } }));
    lambda.setHandler('registered', async (event: { order: number }) => event.order);
    const handler = 1e6 / (await perOp(n, () => client.send(new InvokeCommand({ FunctionName: 'registered', Payload: '{"order":42}' }))));
    const code = 1e6 / (await perOp(n, () => client.send(invoke())));
    return { handler, code };
  } finally {
    lambda.restore();
  }
}

async function main(): Promise<void> {
  await inProcessThroughput(500); // warm-up
  const runs = [await inProcessThroughput(3000), await inProcessThroughput(3000), await inProcessThroughput(3000)];
  console.log(
    `Invoke running a trivial handler in process: ${Math.round(median(runs.map((r) => r.handler)))} invokes/s (setHandler), ` +
      `${Math.round(median(runs.map((r) => r.code)))} invokes/s (the zip's own code, execute: 'code')`,
  );
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

  await serverMode();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
