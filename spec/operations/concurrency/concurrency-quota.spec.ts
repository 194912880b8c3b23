import {
  CreateFunctionCommand,
  GetAccountSettingsCommand,
  GetFunctionConcurrencyCommand,
  InvalidParameterValueException,
  PutFunctionConcurrencyCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock, type MockLambdaOptions } from '../../../lib';
import { createInput, expectServiceError, newClient, useMockLambda } from '../../helpers/fixtures';

const refusal = (minimum: number) =>
  `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${minimum}].`;

const reserve = (client: LambdaClient, name: string, reserved: number) =>
  client.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: reserved }));
const reservationOf = async (client: LambdaClient, name: string) =>
  (await client.send(new GetFunctionConcurrencyCommand({ FunctionName: name }))).ReservedConcurrentExecutions;
const limitOf = async (client: LambdaClient) => (await client.send(new GetAccountSettingsCommand({}))).AccountLimit;

describe('the account concurrency quota, set with lambda.setConcurrencyQuota', () => {
  const mock = useMockLambda();

  beforeEach(async () => {
    await mock.create('orders');
    await mock.create('billing');
  });

  test('is not enforced by default: a reservation far beyond the default limit is taken', async () => {
    expect((await reserve(mock.client, 'orders', 5000)).ReservedConcurrentExecutions).toBe(5000);
    expect(await reservationOf(mock.client, 'orders')).toBe(5000);
  });

  test('takes a reservation leaving exactly the minimum of 100 unreserved', async () => {
    mock.lambda.setConcurrencyQuota(1000);
    expect((await reserve(mock.client, 'orders', 900)).ReservedConcurrentExecutions).toBe(900);
    expect(await limitOf(mock.client)).toMatchObject({ ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 100 });
  });

  test('refuses a reservation leaving less than 100 unreserved, in the service words, and keeps the reservation there was', async () => {
    mock.lambda.setConcurrencyQuota(1000);
    await reserve(mock.client, 'orders', 10);
    await expectServiceError(reserve(mock.client, 'orders', 901), InvalidParameterValueException, 400, refusal(100));
    expect(await reservationOf(mock.client, 'orders')).toBe(10);
  });

  test("counts every other function's reservation", async () => {
    mock.lambda.setConcurrencyQuota(1000);
    await reserve(mock.client, 'orders', 500);
    await expectServiceError(reserve(mock.client, 'billing', 401), InvalidParameterValueException, 400, refusal(100));
    expect((await reserve(mock.client, 'billing', 400)).ReservedConcurrentExecutions).toBe(400);
  });

  test("re-reserving a function replaces its own reservation rather than adding to it", async () => {
    mock.lambda.setConcurrencyQuota(1000);
    await reserve(mock.client, 'orders', 800);
    expect((await reserve(mock.client, 'orders', 900)).ReservedConcurrentExecutions).toBe(900);
    expect(await limitOf(mock.client)).toMatchObject({ UnreservedConcurrentExecutions: 100 });
  });

  test('{ minimumUnreserved } moves the minimum, and the message names it', async () => {
    mock.lambda.setConcurrencyQuota(1000, { minimumUnreserved: 250 });
    await expectServiceError(reserve(mock.client, 'orders', 751), InvalidParameterValueException, 400, refusal(250));
    expect((await reserve(mock.client, 'orders', 750)).ReservedConcurrentExecutions).toBe(750);
  });

  test('below 100 the whole quota stays unreserved: only a reservation of 0 is taken, and the message names the quota', async () => {
    // As an account whose limit is 10: put-function-concurrency 0 succeeds, 2 fails with "[10]".
    mock.lambda.setConcurrencyQuota(10);
    expect((await reserve(mock.client, 'orders', 0)).ReservedConcurrentExecutions).toBe(0);
    await expectServiceError(reserve(mock.client, 'billing', 1), InvalidParameterValueException, 400, refusal(10));
  });

  test('GetAccountSettings reports the quota as ConcurrentExecutions, less the reservations as unreserved', async () => {
    mock.lambda.setConcurrencyQuota(3000);
    await reserve(mock.client, 'orders', 1200);
    expect(await limitOf(mock.client)).toMatchObject({ ConcurrentExecutions: 3000, UnreservedConcurrentExecutions: 1800 });
  });

  test('setConcurrencyQuota(undefined) stops enforcing it, and the default limit is reported again', async () => {
    mock.lambda.setConcurrencyQuota(150);
    await expectServiceError(reserve(mock.client, 'orders', 60), InvalidParameterValueException, 400, refusal(100));
    mock.lambda.setConcurrencyQuota(undefined);
    expect((await reserve(mock.client, 'orders', 5000)).ReservedConcurrentExecutions).toBe(5000);
    expect((await limitOf(mock.client))?.ConcurrentExecutions).toBe(1000);
  });

  test('applies to each region on its own', async () => {
    mock.lambda.setConcurrencyQuota(1000);
    const west = newClient('us-west-2');
    await west.send(new CreateFunctionCommand(createInput('orders')));
    await reserve(mock.client, 'orders', 900);
    expect((await reserve(west, 'orders', 900)).ReservedConcurrentExecutions).toBe(900);
    await expectServiceError(reserve(west, 'orders', 901), InvalidParameterValueException, 400, refusal(100));
  });

  test.each([
    ['a negative quota', -1, undefined, 'lambda-mock: a concurrency quota is a whole number, not -1'],
    ['a fractional quota', 1.5, undefined, 'lambda-mock: a concurrency quota is a whole number, not 1.5'],
    ['NaN', Number.NaN, undefined, 'lambda-mock: a concurrency quota is a whole number, not NaN'],
    ['a negative minimum', 1000, -1, 'lambda-mock: minimumUnreserved is a whole number, not -1'],
    ['a fractional minimum', 1000, 2.5, 'lambda-mock: minimumUnreserved is a whole number, not 2.5'],
  ])('throws TypeError for %s, and keeps the quota there was', async (_case, quota, minimumUnreserved, message) => {
    mock.lambda.setConcurrencyQuota(150);
    expect(() => mock.lambda.setConcurrencyQuota(quota, { minimumUnreserved })).toThrow(new TypeError(message));
    expect((await limitOf(mock.client))?.ConcurrentExecutions).toBe(150);
  });
});

describe('the account concurrency quota, set when installing', () => {
  const VARIABLE = 'LAMBDA_MOCK_CONCURRENCY_QUOTA';
  let saved: string | undefined;
  let lambda: LambdaMock | undefined;
  const client = newClient();
  const install = (options?: MockLambdaOptions) => (lambda = mockLambda(options));
  /** Whether a reservation of `reserved` for `orders` is taken (false: the quota refused it). */
  const takes = (reserved: number) =>
    reserve(client, 'orders', reserved).then(
      () => true,
      (error: Error) => {
        if (!(error instanceof InvalidParameterValueException)) throw error;
        return false;
      },
    );
  /** Installs with `options` and creates `orders`. */
  const installWithOrders = async (options?: MockLambdaOptions) => {
    install(options);
    await client.send(new CreateFunctionCommand(createInput('orders')));
  };

  beforeEach(() => {
    saved = process.env[VARIABLE];
    delete process.env[VARIABLE];
  });
  afterEach(() => {
    lambda?.restore();
    lambda = undefined;
    if (saved === undefined) delete process.env[VARIABLE];
    else process.env[VARIABLE] = saved;
  });

  test('mockLambda({ concurrencyQuota }) enforces it from the start', async () => {
    await installWithOrders({ concurrencyQuota: 150 });
    expect(await takes(60)).toBe(false);
    expect(await takes(50)).toBe(true);
    expect(await limitOf(client)).toMatchObject({ ConcurrentExecutions: 150, UnreservedConcurrentExecutions: 100 });
  });

  test(`${VARIABLE} enforces it`, async () => {
    process.env[VARIABLE] = '150';
    await installWithOrders();
    expect(await takes(60)).toBe(false);
    expect(await takes(50)).toBe(true);
    expect((await limitOf(client))?.ConcurrentExecutions).toBe(150);
  });

  test(`the concurrencyQuota option wins over ${VARIABLE}`, async () => {
    process.env[VARIABLE] = '150';
    await installWithOrders({ concurrencyQuota: 1000 });
    expect(await takes(800)).toBe(true);
    expect(await takes(901)).toBe(false);
  });

  test(`an empty ${VARIABLE} enforces nothing`, async () => {
    process.env[VARIABLE] = '';
    await installWithOrders();
    expect(await takes(5000)).toBe(true);
  });

  test(`a ${VARIABLE} that is no number throws TypeError and installs nothing`, () => {
    process.env[VARIABLE] = 'abc';
    expect(() => install()).toThrow(new TypeError('lambda-mock: a concurrency quota is a whole number, not NaN'));
    lambda = undefined;
    delete process.env[VARIABLE];
    expect(() => install()).not.toThrow(); // nothing was left installed
  });

  test.each([
    [-1, 'lambda-mock: a concurrency quota is a whole number, not -1'],
    [1.5, 'lambda-mock: a concurrency quota is a whole number, not 1.5'],
  ])('mockLambda({ concurrencyQuota: %p }) throws TypeError and installs nothing', (quota, message) => {
    expect(() => install({ concurrencyQuota: quota })).toThrow(new TypeError(message));
    lambda = undefined;
    expect(() => install()).not.toThrow();
  });
});
