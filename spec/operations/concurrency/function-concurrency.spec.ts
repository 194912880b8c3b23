import {
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  GetFunctionConcurrencyCommand,
  PutFunctionConcurrencyCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import {
  ACCOUNT,
  arnOf,
  expectServiceError,
  expectValidationError,
  oneViolation,
  settledState,
  storedState,
  useMockLambda,
} from '../../helpers/fixtures';

describe('PutFunctionConcurrency / GetFunctionConcurrency / DeleteFunctionConcurrency', () => {
  const mock = useMockLambda();
  const put = (name: string, reserved: number) =>
    mock.client.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: reserved }));
  const get = (name: string) => mock.client.send(new GetFunctionConcurrencyCommand({ FunctionName: name }));
  const del = (name: string) => mock.client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: name }));

  beforeEach(async () => {
    await mock.create('orders');
  });

  test('Put answers 200 with exactly the reservation', async () => {
    const { $metadata, ...answer } = await put('orders', 10);
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({ ReservedConcurrentExecutions: 10 });
  });

  test('Get answers the reservation once put', async () => {
    await put('orders', 10);
    const { $metadata, ...answer } = await get('orders');
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({ ReservedConcurrentExecutions: 10 });
  });

  test('Get answers 200 without ReservedConcurrentExecutions for a function never reserved', async () => {
    const { $metadata, ...answer } = await get('orders');
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({});
  });

  test('a reservation of 0 (which throttles every invoke) is kept and answered as 0, not dropped', async () => {
    expect((await put('orders', 0)).ReservedConcurrentExecutions).toBe(0);
    expect(await get('orders')).toMatchObject({ ReservedConcurrentExecutions: 0 });
    expect((await mock.get('orders')).Concurrency).toEqual({ ReservedConcurrentExecutions: 0 });
  });

  test('a second Put replaces the reservation', async () => {
    await put('orders', 10);
    await put('orders', 3);
    expect((await get('orders')).ReservedConcurrentExecutions).toBe(3);
  });

  test('each function keeps its own reservation', async () => {
    await mock.create('billing');
    await put('orders', 10);
    await put('billing', 20);
    expect([(await get('orders')).ReservedConcurrentExecutions, (await get('billing')).ReservedConcurrentExecutions]).toEqual([10, 20]);
  });

  test('Delete answers 204 with nothing else and removes the reservation', async () => {
    await put('orders', 10);
    const { $metadata, ...answer } = await del('orders');
    expect($metadata.httpStatusCode).toBe(204);
    expect(answer).toEqual({});
    expect((await get('orders')).ReservedConcurrentExecutions).toBeUndefined();
    expect((await mock.get('orders')).Concurrency).toBeUndefined();
  });

  test('Delete of a function without a reservation answers 204 and changes nothing', async () => {
    const before = settledState(mock.lambda);
    expect((await del('orders')).$metadata.httpStatusCode).toBe(204);
    expect(storedState(mock.lambda)).toEqual(before);
  });

  test('GetFunction shows Concurrency only while a reservation is set', async () => {
    expect(await mock.get('orders')).not.toHaveProperty('Concurrency');
    await put('orders', 7);
    expect((await mock.get('orders')).Concurrency).toEqual({ ReservedConcurrentExecutions: 7 });
  });

  test.each([
    ['its ARN', arnOf('orders')],
    ['its partial ARN', `${ACCOUNT}:function:orders`],
  ])('finds the function by %s, for Put, Get and Delete alike', async (_form, name) => {
    await put(name, 12);
    expect((await get('orders')).ReservedConcurrentExecutions).toBe(12);
    expect((await get(name)).ReservedConcurrentExecutions).toBe(12);
    await del(name);
    expect((await get('orders')).ReservedConcurrentExecutions).toBeUndefined();
  });

  test('a function deleted and created again has no reservation', async () => {
    await put('orders', 10);
    await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'orders' }));
    await mock.create('orders');
    expect((await get('orders')).ReservedConcurrentExecutions).toBeUndefined();
  });

  describe('an unknown function answers 404 with its ARN', () => {
    const message = `Function not found: ${arnOf('missing')}`;
    test('Put', async () => {
      await expectServiceError(put('missing', 1), ResourceNotFoundException, 404, message);
    });
    test('Get', async () => {
      await expectServiceError(get('missing'), ResourceNotFoundException, 404, message);
    });
    test('Delete', async () => {
      await expectServiceError(del('missing'), ResourceNotFoundException, 404, message);
    });
  });

  test('a negative reservation answers ValidationException and keeps the reservation there was', async () => {
    await put('orders', 5);
    const before = settledState(mock.lambda);
    await expectValidationError(
      put('orders', -1),
      oneViolation(-1, 'reservedConcurrentExecutions', 'Member must have value greater than or equal to 0'),
    );
    expect(storedState(mock.lambda)).toEqual(before);
    expect((await get('orders')).ReservedConcurrentExecutions).toBe(5);
  });
});
