import { CreateFunctionCommand, InvokeCommand, PublishLayerVersionCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../lib';
import { createInput, newClient } from '../helpers/fixtures';
import { invokeText, logOf, zipFiles } from './execution-helpers';

describe("mockLambda({ execute: 'code' }) runs a Node.js function's own zip", () => {
  let lambda: LambdaMock;
  const client = newClient();
  beforeEach(() => {
    lambda = mockLambda({ execute: 'code' });
  });
  afterEach(() => lambda.restore());

  const create = (name: string, files: Record<string, string>, extra: Parameters<typeof createInput>[1] = {}) =>
    client.send(new CreateFunctionCommand(createInput(name, { Code: { ZipFile: zipFiles(files) }, ...extra })));

  it('loads a CommonJS handler, with files it requires, and answers its value as JSON', async () => {
    await create('cjs', {
      'index.js': "const { double } = require('./lib/math'); exports.handler = async (event) => ({ doubled: double(event.n) });",
      'lib/math.js': 'exports.double = (n) => n * 2;',
    });
    const out = await invokeText(client, { FunctionName: 'cjs', Payload: '{"n":21}' });
    expect(out.text).toBe('{"doubled":42}');
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe('$LATEST');
    expect(out.StatusCode).toBe(200);
  });

  it('loads an ES module handler (.mjs)', async () => {
    await create('esm', {
      'app.mjs': "import { greet } from './greet.mjs'; export const handler = async (event) => greet(event.name);",
      'greet.mjs': 'export const greet = (name) => `hello ${name}`;',
    }, { Handler: 'app.handler' });
    expect((await invokeText(client, { FunctionName: 'esm', Payload: '{"name":"ada"}' })).text).toBe('"hello ada"');
  });

  it('loads a .js ES module under a package.json of "type": "module", in a nested folder', async () => {
    await create('nested', {
      'package.json': '{"type":"module"}',
      'src/handlers/orders.js': 'export const main = async () => ({ kind: "esm" });',
    }, { Handler: 'src/handlers/orders.main' });
    expect((await invokeText(client, { FunctionName: 'nested' })).text).toBe('{"kind":"esm"}');
  });

  it('finds a nested CommonJS handler path', async () => {
    await create('deep', { 'src/api/get.js': 'exports.handle = async () => "deep";' }, { Handler: 'src/api/get.handle' });
    expect((await invokeText(client, { FunctionName: 'deep' })).text).toBe('"deep"');
  });

  it('puts its layers on the module path, as /opt/nodejs/node_modules (CommonJS and ES modules)', async () => {
    const { LayerVersionArn } = await client.send(
      new PublishLayerVersionCommand({
        LayerName: 'deps',
        Content: { ZipFile: zipFiles({ 'nodejs/node_modules/shout/index.js': 'module.exports = (s) => s.toUpperCase() + "!";' }) },
      }),
    );
    await create('with-layer', { 'index.js': "const shout = require('shout'); exports.handler = async (e) => shout(e.word);" }, { Layers: [LayerVersionArn!] });
    await create('esm-layer', { 'index.mjs': "import shout from 'shout'; export const handler = async (e) => shout(e.word);" }, { Layers: [LayerVersionArn!] });
    expect((await invokeText(client, { FunctionName: 'with-layer', Payload: '{"word":"hey"}' })).text).toBe('"HEY!"');
    expect((await invokeText(client, { FunctionName: 'esm-layer', Payload: '{"word":"yo"}' })).text).toBe('"YO!"');
  });

  it('shows Environment.Variables in process.env during the call only, including at load time', async () => {
    const before = process.env.STAGE;
    await create('env', {
      'index.js': 'const atLoad = process.env.STAGE; exports.handler = async () => ({ atLoad, now: process.env.STAGE, fn: process.env.AWS_LAMBDA_FUNCTION_NAME });',
    }, { Environment: { Variables: { STAGE: 'test' } } });
    expect(JSON.parse((await invokeText(client, { FunctionName: 'env' })).text)).toEqual({ atLoad: 'test', now: 'test', fn: 'env' });
    expect(process.env.STAGE).toBe(before);
    expect(process.env.AWS_LAMBDA_FUNCTION_NAME).toBeUndefined();
  });

  it('keeps module state between invokes of one code version, and starts afresh after a configuration change', async () => {
    await create('warm', { 'index.js': 'let count = 0; exports.handler = async () => ++count;' });
    expect((await invokeText(client, { FunctionName: 'warm' })).text).toBe('1');
    expect((await invokeText(client, { FunctionName: 'warm' })).text).toBe('2');
    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'warm', MemorySize: 256 }));
    expect((await invokeText(client, { FunctionName: 'warm' })).text).toBe('1');
  });

  it('reports a thrown error as the Node.js runtime does, and logs it', async () => {
    await create('fails', { 'index.js': 'exports.handler = async () => { throw new TypeError("bad order"); };' });
    const out = await invokeText(client, { FunctionName: 'fails', LogType: 'Tail' });
    expect(out.FunctionError).toBe('Unhandled');
    const payload = JSON.parse(out.text);
    expect(payload).toEqual({ errorType: 'TypeError', errorMessage: 'bad order', trace: expect.any(Array) });
    expect(payload.trace[0]).toBe('TypeError: bad order');
    expect(payload.trace[1]).toMatch(/^\s+at .*\/var\/task\/index\.js:1:\d+/);
    expect(logOf(out)).toContain('\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"bad order","stack":["TypeError: bad order"');
  });

  it('names ES module frames by their /var/task path, without lambda-mock frames', async () => {
    await create('esm-fails', { 'index.mjs': 'export const handler = async () => {\n  throw new Error("esm boom");\n};' });
    const out = await invokeText(client, { FunctionName: 'esm-fails' });
    expect(JSON.parse(out.text).trace).toEqual(['Error: esm boom', '    at handler (file:///var/task/index.mjs:2:9)']);
  });

  it('runs a callback-style handler', async () => {
    await create('callback', { 'index.js': 'exports.handler = (event, context, callback) => { setImmediate(() => callback(null, { via: "callback" })); };' });
    expect((await invokeText(client, { FunctionName: 'callback' })).text).toBe('{"via":"callback"}');
  });

  it('answers the runtime errors for a handler it cannot load', async () => {
    await create('no-export', { 'index.js': 'exports.other = async () => 1;' });
    await create('no-file', { 'main.js': 'exports.handler = async () => 1;' });
    await create('syntax', { 'index.js': 'exports.handler = async () => {' });
    const noExport = await invokeText(client, { FunctionName: 'no-export' });
    expect(noExport.FunctionError).toBe('Unhandled');
    expect(JSON.parse(noExport.text)).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported' });
    expect(JSON.parse((await invokeText(client, { FunctionName: 'no-file' })).text)).toMatchObject({
      errorType: 'Runtime.ImportModuleError',
      errorMessage: "Error: Cannot find module 'index'\nRequire stack:\n- /var/runtime/index.mjs",
    });
    expect(JSON.parse((await invokeText(client, { FunctionName: 'syntax' })).text)).toMatchObject({
      errorType: 'Runtime.UserCodeSyntaxError',
      errorMessage: expect.stringMatching(/^SyntaxError: /),
    });
  });

  it('enforces Timeout with the Sandbox.Timedout error, without hanging', async () => {
    await create('slow', { 'index.js': 'exports.handler = () => new Promise(() => {});' }, { Timeout: 1 });
    const out = await invokeText(client, { FunctionName: 'slow', LogType: 'Tail' });
    expect(out.FunctionError).toBe('Unhandled');
    expect(JSON.parse(out.text)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${out.$metadata.requestId} Error: Task timed out after 1.00 seconds`,
    });
    expect(logOf(out)).toContain(`${out.$metadata.requestId} Task timed out after 1.00 seconds`);
  });

  it('keeps the queue/echo answer for other runtimes and container images', async () => {
    await create('python', { 'index.py': 'def handler(e, c): return 1' }, { Runtime: 'python3.12' });
    expect((await invokeText(client, { FunctionName: 'python', Payload: '{"echo":true}' })).text).toBe('{"echo":true}');
  });

  it('lets a queued result win over the code', async () => {
    await create('queued', { 'index.js': 'exports.handler = async () => "code";' });
    lambda.setInvokeResults(['"queued"']);
    expect((await invokeText(client, { FunctionName: 'queued' })).text).toBe('"queued"');
    expect((await invokeText(client, { FunctionName: 'queued' })).text).toBe('"code"');
  });

  it('records each synchronous invocation with the result the code answered', async () => {
    await create('logged', { 'index.js': 'exports.handler = async (e) => { console.log("got", e.id); return e.id; };' });
    await client.send(new InvokeCommand({ FunctionName: 'logged', Payload: '{"id":7}' }));
    const [invocation] = lambda.invocations('logged');
    expect(invocation).toMatchObject({ functionName: 'logged', executedVersion: '$LATEST', invocationType: 'RequestResponse', payload: '{"id":7}' });
    expect(invocation!.result!.payload).toBe('7');
    expect(invocation!.result!.logs).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z\t[0-9a-f-]{36}\tINFO\tgot 7\n$/);
  });
});

describe("lambda.setHandler(name, 'code') runs one function's zip without the code mode", () => {
  let lambda: LambdaMock;
  const client = newClient();
  beforeEach(() => {
    lambda = mockLambda();
  });
  afterEach(() => lambda.restore());

  it('runs only the functions it names', async () => {
    await client.send(new CreateFunctionCommand(createInput('runs', { Code: { ZipFile: zipFiles({ 'index.js': 'exports.handler = async () => "ran";' }) } })));
    await client.send(new CreateFunctionCommand(createInput('echoes', { Code: { ZipFile: zipFiles({ 'index.js': 'exports.handler = async () => "ran";' }) } })));
    lambda.setHandler('runs', 'code');
    expect((await invokeText(client, { FunctionName: 'runs' })).text).toBe('"ran"');
    expect((await invokeText(client, { FunctionName: 'echoes', Payload: '{}' })).text).toBe('{}');
  });
});
