import { AddPermissionCommand, CreateAliasCommand, PutFunctionConcurrencyCommand } from '@aws-sdk/client-lambda';
import { ACCOUNT, useMockLambda } from '../../helpers/fixtures';
import { allowPublicAccess, FORBIDDEN, urlOf } from './url-helpers';

const CALLER = { accessKey: 'AKIAIOSFODNN7EXAMPLE', userArn: `arn:aws:iam::${ACCOUNT}:user/ci`, userId: 'AIDACKCEVSQ6C2EXAMPLE', callerId: 'AIDACKCEVSQ6C2EXAMPLE' };

describe('lambda.invokeUrl', () => {
  const mock = useMockLambda();
  /** The event the function received, which it echoes when no result is queued. */
  const eventOf = (response: { body: string }) => JSON.parse(response.body) as Record<string, any>;

  beforeEach(() => mock.create('orders', { Publish: true }));

  describe('the event a public (NONE) URL sends the function', () => {
    test('is the payload format 2.0 event of the request', async () => {
      const url = await urlOf(mock.client);
      await allowPublicAccess(mock.client);
      const response = await mock.lambda.invokeUrl(`${url}orders/42?expand=items&expand=customer&debug`, {
        method: 'post',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'shop/1.0', Cookie: 'session=abc; theme=dark', 'X-Tag': ['a', 'b'] },
        body: '{"quantity":2}',
        sourceIp: '203.0.113.7',
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers).toEqual({ 'content-type': 'application/json' });
      const host = new URL(url).hostname;
      const event = eventOf(response);
      expect(event).toEqual({
        version: '2.0',
        routeKey: '$default',
        rawPath: '/orders/42',
        rawQueryString: 'expand=items&expand=customer&debug',
        cookies: ['session=abc', 'theme=dark'],
        headers: {
          'content-type': 'application/json',
          'user-agent': 'shop/1.0',
          'x-tag': 'a,b',
          'x-forwarded-proto': 'https',
          'x-forwarded-port': '443',
          'x-forwarded-for': '203.0.113.7',
          host,
        },
        queryStringParameters: { expand: 'items,customer', debug: '' },
        requestContext: {
          accountId: 'anonymous',
          apiId: host.split('.')[0],
          domainName: host,
          domainPrefix: host.split('.')[0],
          http: { method: 'POST', path: '/orders/42', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'shop/1.0' },
          requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          routeKey: '$default',
          stage: '$default',
          time: expect.stringMatching(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/),
          timeEpoch: expect.any(Number),
        },
        body: '{"quantity":2}',
        isBase64Encoded: false,
      });
    });

    test('carries binary bodies base64-encoded, and no body, cookies or query when there are none', async () => {
      const url = await urlOf(mock.client);
      await allowPublicAccess(mock.client);
      const binary = eventOf(await mock.lambda.invokeUrl(url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: new Uint8Array([137, 80, 78, 71]) }));
      expect(binary).toMatchObject({ body: 'iVBORw==', isBase64Encoded: true });
      const bare = eventOf(await mock.lambda.invokeUrl(url));
      expect(bare).toMatchObject({ rawPath: '/', rawQueryString: '', isBase64Encoded: false, requestContext: { http: { method: 'GET', sourceIp: '127.0.0.1' } } });
      expect('body' in bare).toBe(false);
      expect(bare.cookies).toBeUndefined();
      expect(bare.queryStringParameters).toBeUndefined();
    });

    test('is recorded as an invocation, not as an API call', async () => {
      const url = await urlOf(mock.client);
      await allowPublicAccess(mock.client);
      const callsBefore = mock.lambda.calls.length;
      await mock.lambda.invokeUrl(url, { method: 'POST', body: 'hi' });
      expect(mock.lambda.calls).toHaveLength(callsBefore);
      const [invocation] = mock.lambda.invocations('orders');
      expect(invocation).toMatchObject({ invocationType: 'RequestResponse', executedVersion: '$LATEST' });
      expect(JSON.parse(invocation!.payload)).toMatchObject({ version: '2.0', body: 'hi' });
    });
  });

  describe('auth', () => {
    test('a NONE URL without the public policy is forbidden, as AWS answers, and the function does not run', async () => {
      const url = await urlOf(mock.client);
      expect(await mock.lambda.invokeUrl(url)).toMatchObject(FORBIDDEN);
      // Since October 2025 lambda:InvokeFunctionUrl alone is not enough.
      await mock.client.send(
        new AddPermissionCommand({ FunctionName: 'orders', StatementId: 'url', Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'NONE' }),
      );
      expect(await mock.lambda.invokeUrl(url)).toMatchObject(FORBIDDEN);
      await mock.client.send(new AddPermissionCommand({ FunctionName: 'orders', StatementId: 'invoke', Action: 'lambda:InvokeFunction', Principal: '*' }));
      expect((await mock.lambda.invokeUrl(url)).statusCode).toBe(200);
      expect(mock.lambda.invocations('orders')).toHaveLength(1);
    });

    test('a grant for the other auth type, or for an account, does not open a NONE URL', async () => {
      const url = await urlOf(mock.client);
      await mock.client.send(
        new AddPermissionCommand({ FunctionName: 'orders', StatementId: 'url', Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'AWS_IAM' }),
      );
      await mock.client.send(new AddPermissionCommand({ FunctionName: 'orders', StatementId: 'invoke', Action: 'lambda:InvokeFunction', Principal: ACCOUNT }));
      expect(await mock.lambda.invokeUrl(url)).toMatchObject(FORBIDDEN);
    });

    test('an AWS_IAM URL refuses an unsigned request and passes the signer to the function', async () => {
      const url = await urlOf(mock.client, { AuthType: 'AWS_IAM' });
      expect(await mock.lambda.invokeUrl(url)).toMatchObject(FORBIDDEN);
      const event = eventOf(await mock.lambda.invokeUrl(url, { iam: CALLER }));
      expect(event.requestContext).toMatchObject({
        accountId: ACCOUNT,
        authorizer: {
          iam: { accessKey: CALLER.accessKey, accountId: ACCOUNT, callerId: CALLER.callerId, cognitoIdentity: null, principalOrgId: null, userArn: CALLER.userArn, userId: CALLER.userId },
        },
      });
    });

    test('a SigV4 Authorization header is a signed request (no signature is checked)', async () => {
      const url = await urlOf(mock.client, { AuthType: 'AWS_IAM' });
      const authorization = 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20240101/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc';
      const event = eventOf(await mock.lambda.invokeUrl(url, { headers: { Authorization: authorization } }));
      expect(event.requestContext.authorizer.iam).toMatchObject({ accessKey: 'AKIAEXAMPLE', accountId: ACCOUNT });
    });

    test('a signer of another account needs the resource-based policy', async () => {
      const url = await urlOf(mock.client, { AuthType: 'AWS_IAM' });
      const partner = { accessKey: 'AKIAPARTNER', accountId: '210987654321' };
      expect(await mock.lambda.invokeUrl(url, { iam: partner })).toMatchObject(FORBIDDEN);
      for (const [StatementId, Action] of [['url', 'lambda:InvokeFunctionUrl'], ['invoke', 'lambda:InvokeFunction']] as const) {
        await mock.client.send(new AddPermissionCommand({ FunctionName: 'orders', StatementId, Action, Principal: partner.accountId, FunctionUrlAuthType: 'AWS_IAM' }));
      }
      expect((await mock.lambda.invokeUrl(url, { iam: partner })).statusCode).toBe(200);
    });
  });

  describe("the function's answer as an HTTP response", () => {
    let url: string;
    beforeEach(async () => {
      url = await urlOf(mock.client);
      await allowPublicAccess(mock.client);
    });

    test('a response object gives the status, headers, cookies and body; base64 bodies are decoded', async () => {
      mock.lambda.setInvokeResults([
        JSON.stringify({ statusCode: 201, headers: { 'Content-Type': 'text/plain', 'X-Count': 3 }, cookies: ['a=1; Path=/', 'b=2'], body: 'created' }),
        JSON.stringify({ statusCode: 200, headers: { 'content-type': 'image/png' }, body: 'iVBORw==', isBase64Encoded: true }),
      ]);
      expect(await mock.lambda.invokeUrl(url, { method: 'POST' })).toEqual({
        statusCode: 201,
        headers: { 'content-type': 'text/plain', 'x-count': '3' },
        cookies: ['a=1; Path=/', 'b=2'],
        body: 'created',
        rawBody: new Uint8Array(Buffer.from('created')),
      });
      expect((await mock.lambda.invokeUrl(url)).rawBody).toEqual(new Uint8Array([137, 80, 78, 71]));
    });

    test('any other JSON is the body of a 200 application/json response, as returned', async () => {
      mock.lambda.setInvokeResults(['"Hello, world!"', '{"message":"Hello, world!"}']);
      expect(await mock.lambda.invokeUrl(url)).toMatchObject({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '"Hello, world!"' });
      expect(await mock.lambda.invokeUrl(url)).toMatchObject({ statusCode: 200, body: '{"message":"Hello, world!"}' });
    });

    test('a function error, an answer that is not JSON or a bad status code is a 502', async () => {
      mock.lambda.setInvokeResults([{ payload: '{"errorMessage":"boom"}', functionError: 'Unhandled' }, 'not json', '{"statusCode":99}']);
      for (let i = 0; i < 3; i++) expect(await mock.lambda.invokeUrl(url)).toMatchObject({ statusCode: 502, body: 'Internal Server Error' });
    });

    test('a throttled function answers 429', async () => {
      await mock.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 0 }));
      expect((await mock.lambda.invokeUrl(url)).statusCode).toBe(429);
      expect(mock.lambda.invocations('orders')).toEqual([]);
    });
  });

  test("an alias's URL runs the alias's version", async () => {
    await mock.deploy('orders', 'exports.handler = async () => 2;');
    await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
    const url = await urlOf(mock.client, { Qualifier: 'live', AuthType: 'AWS_IAM' });
    await mock.lambda.invokeUrl(url, { iam: CALLER });
    expect(mock.lambda.invocations('orders')).toEqual([expect.objectContaining({ qualifier: 'live', executedVersion: '1' })]);
  });

  describe('CORS', () => {
    const Cors = { AllowOrigins: ['https://shop.example.com'], AllowMethods: ['GET', 'POST'], AllowHeaders: ['content-type'], ExposeHeaders: ['x-trace'], MaxAge: 300 };

    test('the URL answers a preflight itself, without running the function or asking for a signature', async () => {
      const url = await urlOf(mock.client, { AuthType: 'AWS_IAM', Cors });
      const preflight = await mock.lambda.invokeUrl(url, {
        method: 'OPTIONS',
        headers: { Origin: 'https://shop.example.com', 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight).toMatchObject({
        statusCode: 200,
        headers: {
          'access-control-allow-origin': 'https://shop.example.com',
          'access-control-allow-methods': 'GET,POST',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '300',
        },
        body: '',
      });
      const stranger = await mock.lambda.invokeUrl(url, { method: 'OPTIONS', headers: { Origin: 'https://evil.example.com', 'Access-Control-Request-Method': 'POST' } });
      expect(stranger.headers).toEqual({});
      expect(mock.lambda.invocations()).toEqual([]);
    });

    test("responses carry the configuration's CORS headers for an allowed origin, replacing the function's own", async () => {
      const url = await urlOf(mock.client, { Cors });
      await allowPublicAccess(mock.client);
      const answer = JSON.stringify({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*', 'x-trace': 't-1' }, body: 'ok' });
      mock.lambda.setInvokeResults([answer, answer]);
      expect((await mock.lambda.invokeUrl(url, { headers: { origin: 'https://shop.example.com' } })).headers).toEqual({
        'x-trace': 't-1',
        'access-control-allow-origin': 'https://shop.example.com',
        'access-control-expose-headers': 'x-trace',
      });
      expect((await mock.lambda.invokeUrl(url, { headers: { origin: 'https://evil.example.com' } })).headers).toEqual({ 'x-trace': 't-1' });
    });

    test('without CORS configured, an OPTIONS request goes to the function', async () => {
      const url = await urlOf(mock.client);
      await allowPublicAccess(mock.client);
      const response = await mock.lambda.invokeUrl(url, { method: 'OPTIONS', headers: { Origin: 'https://shop.example.com', 'Access-Control-Request-Method': 'POST' } });
      expect(eventOf(response).requestContext.http.method).toBe('OPTIONS');
    });
  });

  test('an address no URL answers at is refused', async () => {
    await expect(mock.lambda.invokeUrl('https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/')).rejects.toThrow(
      'lambda-mock: no function URL answers at https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/',
    );
    await expect(mock.lambda.invokeUrl('https://example.com/')).rejects.toThrow(TypeError);
  });
});
