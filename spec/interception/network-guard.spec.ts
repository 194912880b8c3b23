import type * as ClientLambda from '@aws-sdk/client-lambda';
import { mockLambda, UninterceptedLambdaRequestError, type LambdaMock } from '../../lib';
import { startLocalLambda, type LocalLambda } from '../fixtures/local-lambda';

// A copy of the SDK loaded in a separate jest module registry is invisible to the prototype patch:
// the guard under it must still keep its requests in the process.
describe('network guard', () => {
  let local: LocalLambda;
  let lambda: LambdaMock | undefined;

  beforeEach(async () => {
    local = await startLocalLambda();
  });
  afterEach(async () => {
    lambda?.restore();
    lambda = undefined;
    await local.close();
  });

  const isolatedSdk = (): typeof ClientLambda => {
    let sdk: typeof ClientLambda | undefined;
    jest.isolateModules(() => {
      sdk = jest.requireActual<typeof ClientLambda>('@aws-sdk/client-lambda');
    });
    return sdk!;
  };

  const isolatedClient = (sdk: typeof ClientLambda) =>
    new sdk.LambdaClient({ region: 'us-east-1', endpoint: local.endpoint, credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });

  it('blocks a Lambda request from an SDK copy in an isolated module registry', async () => {
    lambda = mockLambda();
    const sdk = isolatedSdk();
    const client = isolatedClient(sdk);
    await expect(client.send(new sdk.GetFunctionCommand({ FunctionName: 'fn' }))).rejects.toBeInstanceOf(UninterceptedLambdaRequestError);
    expect(local.requests).toHaveLength(0);
    client.destroy();
  });

  it('lets the same request through after restore()', async () => {
    lambda = mockLambda();
    lambda.restore();
    const sdk = isolatedSdk();
    const client = isolatedClient(sdk);
    await expect(client.send(new sdk.GetFunctionCommand({ FunctionName: 'fn' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(local.requests).toHaveLength(1);
    client.destroy();
  });

  it('leaves requests of other services alone', async () => {
    lambda = mockLambda();
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${local.endpoint}/other`, { headers: { 'x-amz-user-agent': 'aws-sdk-js/3 api/s3#3.0.0' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
    expect(local.requests).toHaveLength(1);
  });
});
