import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  GetAccountSettingsCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { createInput, createWithVersion, newClient, useMockLambda, zipOf } from '../../helpers/fixtures';

/** The code-size limits the service documents, the same for every account. */
const CODE_LIMITS = { TotalCodeSize: 80_530_636_800, CodeSizeUnzipped: 262_144_000, CodeSizeZipped: 52_428_800 };

describe('GetAccountSettings', () => {
  const mock = useMockLambda();
  const settings = (client: LambdaClient = mock.client) => client.send(new GetAccountSettingsCommand({}));
  const reserve = (name: string, reserved: number, client: LambdaClient = mock.client) =>
    client.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: reserved }));

  test('answers 200 with the default limits and no usage for an empty account', async () => {
    const { $metadata, ...answer } = await settings();
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({
      AccountLimit: { ...CODE_LIMITS, ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 1000 },
      AccountUsage: { TotalCodeSize: 0, FunctionCount: 0 },
    });
  });

  test('counts every function, and the code of $LATEST and of each published version', async () => {
    const { v1, v2 } = await createWithVersion(mock, 'orders'); // version 1 runs v1, $LATEST runs v2
    const other = zipOf('exports.handler = async () => "other";');
    await mock.create('billing', { Code: { ZipFile: other } });
    expect((await settings()).AccountUsage).toEqual({
      TotalCodeSize: v1.byteLength + v2.byteLength + other.byteLength,
      FunctionCount: 2,
    });
  });

  test('a published version counts its code even when it is the same code as $LATEST', async () => {
    const zip = zipOf('exports.handler = async () => "same";');
    await mock.create('orders', { Code: { ZipFile: zip } });
    await mock.client.send(new PublishVersionCommand({ FunctionName: 'orders' }));
    expect((await settings()).AccountUsage).toEqual({ TotalCodeSize: 2 * zip.byteLength, FunctionCount: 1 });
  });

  test('a deleted function stops counting, with its versions and its reservation', async () => {
    await createWithVersion(mock, 'orders');
    await reserve('orders', 40);
    await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'orders' }));
    const { AccountLimit, AccountUsage } = await settings();
    expect(AccountUsage).toEqual({ TotalCodeSize: 0, FunctionCount: 0 });
    expect(AccountLimit?.UnreservedConcurrentExecutions).toBe(1000);
  });

  test('UnreservedConcurrentExecutions is the limit less every reservation, a reservation replaced counting once', async () => {
    await mock.create('orders');
    await mock.create('billing');
    await reserve('orders', 100);
    await reserve('billing', 25);
    await reserve('orders', 10);
    expect((await settings()).AccountLimit).toEqual({ ...CODE_LIMITS, ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 965 });
    await mock.client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'billing' }));
    expect((await settings()).AccountLimit?.UnreservedConcurrentExecutions).toBe(990);
  });

  test('a reservation of 0 reserves nothing', async () => {
    await mock.create('orders');
    await reserve('orders', 0);
    expect((await settings()).AccountLimit?.UnreservedConcurrentExecutions).toBe(1000);
  });

  test('without a quota, reservations beyond the limit leave UnreservedConcurrentExecutions at 0, never negative', async () => {
    await mock.create('orders');
    await reserve('orders', 5000);
    expect((await settings()).AccountLimit).toMatchObject({ ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 0 });
  });

  test('limits and usage are per region', async () => {
    const west = newClient('us-west-2');
    const westZip = zipOf('exports.handler = async () => "west";');
    await west.send(new CreateFunctionCommand(createInput('orders', { Code: { ZipFile: westZip } })));
    await west.send(new CreateFunctionCommand(createInput('billing')));
    await reserve('orders', 300, west);
    await mock.create('orders');

    expect(await settings(west)).toMatchObject({
      AccountLimit: { ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 700 },
      AccountUsage: { TotalCodeSize: westZip.byteLength + zipOf().byteLength, FunctionCount: 2 },
    });
    expect(await settings()).toMatchObject({
      AccountLimit: { ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 1000 },
      AccountUsage: { TotalCodeSize: zipOf().byteLength, FunctionCount: 1 },
    });
  });
});
