import { CreateFunctionCommand, GetFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import http from 'node:http';
import net from 'node:net';
import { createInput, expectNoPollution, zipOf } from '../helpers/fixtures';
import { rawRequest, useServer, type RawAnswer } from './server-helpers';

const SYNC_LIMIT = 6_291_456;
const PARSE_ERROR = 'Could not parse request body into json: Could not parse payload into json: ';

/** Opens a request and waits for the server's answer without ever finishing the request. */
function answerBeforeTheBodyEnds(
  url: string,
  options: { path: string; headers?: http.OutgoingHttpHeaders; writeChunks?: number; chunkBytes?: number },
): Promise<RawAnswer & { bytesWritten: number; ended: boolean }> {
  return new Promise((resolve, reject) => {
    let bytesWritten = 0;
    let answered = false;
    // A keep-alive connection, as the SDK's: the server reads on (and drops) what still arrives after answering.
    const agent = new http.Agent({ keepAlive: true });
    const req = http.request(`${url}${options.path}`, { method: 'POST', headers: options.headers, agent }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body.toString()), bytesWritten, ended: req.writableEnded });
        req.destroy();
        agent.destroy();
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    req.flushHeaders();
    // Keep sending, a chunk at a time, until the server answers; never end the request.
    const chunk = Buffer.alloc(options.chunkBytes ?? 0, 0x20);
    let left = options.writeChunks ?? 0;
    const writeMore = (): void => {
      while (left > 0 && !answered) {
        left -= 1;
        bytesWritten += chunk.byteLength;
        if (!req.write(chunk)) {
          req.once('drain', writeMore);
          return;
        }
      }
    };
    writeMore();
  });
}

describe('server mode: bad HTTP input gets the service\'s answers', () => {
  const ctx = useServer();

  test.each([
    ['GET', '/'],
    ['GET', '/2015-03-31/nothing-here'],
    ['PATCH', '/2015-03-31/functions/orders'],
    ['POST', '/2015-03-31/functions/orders/invocations/extra'],
  ])('%s %s: UnknownOperationException (404)', async (method, path) => {
    const answer = await rawRequest(ctx.server.url, { method, path, ...(method === 'GET' ? {} : { body: '{}' }) });
    expect(answer.status).toBe(404);
    expect(answer.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(answer.json()).toEqual({ message: `No Lambda operation answers ${method} ${path}` });
    expect(ctx.server.lambda.calls).toEqual([]);
  });

  describe('a body that is not a JSON object: InvalidRequestContentException (400), in the service\'s words', () => {
    test.each([
      ['not json', "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
      ['<xml/>', "Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
      ['{"FunctionName":', 'Unexpected end-of-input: expected close marker for Object'],
      ['{"FunctionName":}', "Unexpected character ('}' (code 125))"],
      ['[1,2]', 'Cannot deserialize value of type `java.util.LinkedHashMap` from Array value'],
      ['"orders"', 'Cannot deserialize value of type `java.util.LinkedHashMap` from String "orders"'],
    ])('%s', async (body, reason) => {
      const answer = await rawRequest(ctx.server.url, { method: 'POST', path: '/2015-03-31/functions', body });
      expect(answer.status).toBe(400);
      expect(answer.headers['x-amzn-errortype']).toBe('InvalidRequestContentException');
      expect(answer.json()).toEqual({ Type: 'User', message: PARSE_ERROR + reason });
      expect(ctx.server.lambda.state.region('us-east-1').functions.size).toBe(0);
    });

    test('a member of the wrong JSON type is the same answer as in process (validation)', async () => {
      const body = JSON.stringify({ ...createInput('orders'), Code: { ZipFile: Buffer.from(zipOf()).toString('base64') }, MemorySize: 'big' });
      const answer = await rawRequest(ctx.server.url, { method: 'POST', path: '/2015-03-31/functions', body });
      expect(answer.json()).toEqual({
        Type: 'User',
        message: `${PARSE_ERROR}Cannot deserialize value of type \`java.lang.Integer\` from String "big"`,
      });
    });
  });

  test('`__proto__` keys in a body change no prototype', async () => {
    const before = Reflect.ownKeys(Object.prototype);
    const zip = Buffer.from(zipOf()).toString('base64');
    const body = `{"FunctionName":"p","Runtime":"nodejs22.x","Handler":"i.h","Role":"${createInput('p').Role}","Code":{"ZipFile":"${zip}"},` +
      '"Environment":{"Variables":{"__proto__":{"polluted":"yes"}}},"__proto__":{"polluted":"yes"}}';
    await rawRequest(ctx.server.url, { method: 'POST', path: '/2015-03-31/functions', body });
    expectNoPollution(before);
  });

  describe('oversize bodies are refused without being buffered whole', () => {
    test('a Content-Length over the limit is answered 413 before any of the body is sent', async () => {
      const answer = await answerBeforeTheBodyEnds(ctx.server.url, {
        path: '/2015-03-31/functions/orders/invocations',
        headers: { 'content-length': String(SYNC_LIMIT + 1) },
      });
      expect({ status: answer.status, bytesWritten: answer.bytesWritten, type: answer.headers['x-amzn-errortype'] }).toEqual({
        status: 413,
        bytesWritten: 0,
        type: 'RequestEntityTooLargeException',
      });
      expect(answer.json()).toEqual({ message: `Request must be smaller than ${SYNC_LIMIT} bytes for the InvokeFunction operation` });
    });

    test('a streamed (chunked) body is refused once it passes the limit, while the client is still sending', async () => {
      const answer = await answerBeforeTheBodyEnds(ctx.server.url, {
        path: '/2015-03-31/functions/orders/invocations',
        writeChunks: 64,
        chunkBytes: 1024 * 1024,
      });
      expect(answer.status).toBe(413);
      expect(answer.ended).toBe(false);
      expect(answer.bytesWritten).toBeGreaterThan(SYNC_LIMIT);
      expect(answer.bytesWritten).toBeLessThan(64 * 1024 * 1024);
    });

    test('other operations take the service\'s request limit (a 50 MB zip, base64-encoded), in their own name', async () => {
      const answer = await answerBeforeTheBodyEnds(ctx.server.url, {
        path: '/2015-03-31/functions',
        headers: { 'content-length': '69905068' },
      });
      expect(answer.status).toBe(413);
      expect(answer.json()).toEqual({ message: 'Request must be smaller than 69905067 bytes for the CreateFunction operation' });
    });

    test('the SDK receives RequestEntityTooLargeException, as from the service', async () => {
      await ctx.client.send(new CreateFunctionCommand(createInput('orders')));
      const error = await ctx.client.send(new InvokeCommand({ FunctionName: 'orders', Payload: Buffer.alloc(SYNC_LIMIT + 1, 0x20) })).catch((e: Error) => e);
      expect(error).toMatchObject({ name: 'RequestEntityTooLargeException', $metadata: { httpStatusCode: 413 } });
    });
  });

  describe('slow and dropped connections block no one', () => {
    const openSocket = (url: string, written: string): Promise<net.Socket> =>
      new Promise((resolve, reject) => {
        const { hostname, port } = new URL(url);
        const socket = net.connect({ host: hostname, port: Number(port) }, () => socket.write(written, () => resolve(socket)));
        socket.on('error', reject);
      });

    test('while one connection dribbles its headers and another its body, other requests are answered', async () => {
      await ctx.client.send(new CreateFunctionCommand(createInput('orders')));
      const slowHeaders = await openSocket(ctx.server.url, 'GET /2015-03-31/functions/orders HTTP/1.1\r\nHost: x\r\nX-Slow: ');
      const slowBody = await openSocket(
        ctx.server.url,
        'POST /2015-03-31/functions/orders/invocations HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"from":"slow"',
      );
      try {
        const answers = await Promise.all([
          ctx.client.send(new GetFunctionCommand({ FunctionName: 'orders' })),
          ctx.client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"from":"sdk"}' })),
        ]);
        expect(answers.map((a) => a.$metadata.httpStatusCode)).toEqual([200, 200]);
      } finally {
        slowHeaders.destroy();
        slowBody.destroy();
      }
    });

    test('a client that drops its connection mid-body leaves no call, no invocation and a working server', async () => {
      await ctx.client.send(new CreateFunctionCommand(createInput('orders')));
      const dropped = await openSocket(
        ctx.server.url,
        'POST /2015-03-31/functions/orders/invocations HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"from":"dropped"',
      );
      await new Promise((resolve) => dropped.destroy().once('close', resolve));
      const answer = await ctx.client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"from":"sdk"}' }));
      expect(answer.StatusCode).toBe(200);
      expect(ctx.server.lambda.invocations().map((i) => i.payload)).toEqual(['{"from":"sdk"}']);
      expect(ctx.server.lambda.calls.map((c) => c.commandName)).toEqual(['CreateFunctionCommand', 'InvokeCommand']);
    });
  });
});
