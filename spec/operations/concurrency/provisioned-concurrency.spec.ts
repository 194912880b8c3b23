import {
  DeleteFunctionCommand,
  DeleteProvisionedConcurrencyConfigCommand,
  GetProvisionedConcurrencyConfigCommand,
  InvalidParameterValueException,
  ListProvisionedConcurrencyConfigsCommand,
  ProvisionedConcurrencyConfigNotFoundException,
  PutFunctionConcurrencyCommand,
  PublishVersionCommand,
  PutProvisionedConcurrencyConfigCommand,
  ResourceNotFoundException,
  type ListProvisionedConcurrencyConfigsCommandInput,
} from '@aws-sdk/client-lambda';
import {
  ACCOUNT,
  arnOf,
  CONFIG_TIMESTAMP,
  expectServiceError,
  expectValidationError,
  oneViolation,
  settledState,
  storedState,
  useMockLambda,
} from '../../helpers/fixtures';

const UNPUBLISHED = 'Provisioned Concurrency Configs cannot be applied to unpublished function versions.';
const NOT_PUBLISHED_OR_ALIAS = 'The function resource provided must be an alias or a published version.';
const NO_CONFIG = 'No Provisioned Concurrency Config found for this function';
const OVER_RESERVED = 'Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function';
const OVER_UNRESERVED = (minimum: number) =>
  `Specified ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${minimum}].`;

describe('provisioned concurrency', () => {
  const mock = useMockLambda();
  const put = (name: string, qualifier: string, provisioned: number) =>
    mock.client.send(
      new PutProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: qualifier, ProvisionedConcurrentExecutions: provisioned }),
    );
  const get = (name: string, qualifier: string) =>
    mock.client.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: qualifier }));
  const del = (name: string, qualifier: string) =>
    mock.client.send(new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: qualifier }));
  const list = (input: Omit<ListProvisionedConcurrencyConfigsCommandInput, 'FunctionName'> = {}, name = 'orders') =>
    mock.client.send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: name, ...input }));
  const reserve = (name: string, reserved: number) =>
    mock.client.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: reserved }));
  /** Publishes `count` more versions of `name`, each with its own code (the same code would not publish a new one). */
  let deployed = 0;
  const publishVersions = async (count: number, name = 'orders') => {
    for (let i = 0; i < count; i++) await mock.deploy(name, `exports.handler = async () => ${++deployed};`);
  };
  /** The whole second `date` falls in: the service writes LastModified to the second. */
  const secondOf = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

  beforeEach(async () => {
    await mock.create('orders');
    await publishVersions(1);
  });

  describe('PutProvisionedConcurrencyConfig', () => {
    test('answers 202 IN_PROGRESS with nothing allocated yet, LastModified to the second', async () => {
      const before = secondOf(new Date());
      const { $metadata, ...answer } = await put('orders', '1', 5);
      const after = Date.now();
      expect($metadata.httpStatusCode).toBe(202);
      expect(answer).toEqual({
        RequestedProvisionedConcurrentExecutions: 5,
        AllocatedProvisionedConcurrentExecutions: 0,
        AvailableProvisionedConcurrentExecutions: 0,
        Status: 'IN_PROGRESS',
        LastModified: expect.stringMatching(CONFIG_TIMESTAMP),
      });
      const at = Date.parse(answer.LastModified!.replace('+0000', 'Z'));
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(after);
    });

    test.each([
      ['a qualified name and the same Qualifier', 'orders:1'],
      ['its ARN', arnOf('orders')],
      ['its qualified ARN and the same Qualifier', arnOf('orders', '1')],
      ['its partial ARN', `${ACCOUNT}:function:orders`],
    ])('finds the version by %s', async (_form, name) => {
      await put(name, '1', 3);
      expect((await get('orders', '1')).RequestedProvisionedConcurrentExecutions).toBe(3);
    });

    test('a second Put replaces the config, IN_PROGRESS again', async () => {
      await put('orders', '1', 5);
      await get('orders', '1');
      expect(await put('orders', '1', 8)).toMatchObject({ RequestedProvisionedConcurrentExecutions: 8, Status: 'IN_PROGRESS', AllocatedProvisionedConcurrentExecutions: 0 });
      expect(await get('orders', '1')).toMatchObject({ RequestedProvisionedConcurrentExecutions: 8, Status: 'READY' });
      expect((await list()).ProvisionedConcurrencyConfigs).toHaveLength(1);
    });

    test.each([
      ['Qualifier $LATEST', 'orders', '$LATEST'],
      ['a $LATEST name qualifier', 'orders:$LATEST', '$LATEST'],
    ])('refuses %s: InvalidParameterValueException, nothing stored', async (_form, name, qualifier) => {
      const before = settledState(mock.lambda);
      await expectServiceError(put(name, qualifier, 1), InvalidParameterValueException, 400, UNPUBLISHED);
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('refuses $LATEST of a function never published', async () => {
      await mock.create('fresh');
      await expectServiceError(put('fresh', '$LATEST', 1), InvalidParameterValueException, 400, UNPUBLISHED);
    });

    test('answers 404 for a version of a function never published', async () => {
      await mock.create('fresh');
      await expectServiceError(put('fresh', '1', 1), ResourceNotFoundException, 404, `Function not found: ${arnOf('fresh', '1')}`);
    });

    test('answers 404 for an unknown version or function', async () => {
      await expectServiceError(put('orders', '10', 1), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '10')}`);
      await expectServiceError(put('missing', '1', 1), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing', '1')}`);
    });

    test('refuses 0 with ValidationException', async () => {
      await expectValidationError(
        put('orders', '1', 0),
        oneViolation(0, 'provisionedConcurrentExecutions', 'Member must have value greater than or equal to 1'),
      );
    });
  });

  describe('GetProvisionedConcurrencyConfig', () => {
    test('answers 200 READY, everything requested allocated and available, LastModified as put', async () => {
      const { LastModified } = await put('orders', '1', 5);
      const { $metadata, ...answer } = await get('orders', '1');
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer).toEqual({
        RequestedProvisionedConcurrentExecutions: 5,
        AllocatedProvisionedConcurrentExecutions: 5,
        AvailableProvisionedConcurrentExecutions: 5,
        Status: 'READY',
        LastModified,
      });
    });

    test('keeps a config per version', async () => {
      await publishVersions(1); // version 2
      await put('orders', '1', 2);
      await put('orders', '2', 7);
      expect((await get('orders', '1')).RequestedProvisionedConcurrentExecutions).toBe(2);
      expect((await get('orders', '2')).RequestedProvisionedConcurrentExecutions).toBe(7);
    });

    test('answers ProvisionedConcurrencyConfigNotFoundException (404) for a version without a config', async () => {
      await expectServiceError(get('orders', '1'), ProvisionedConcurrencyConfigNotFoundException, 404, NO_CONFIG);
    });

    test('refuses $LATEST, in other words than Put', async () => {
      await expectServiceError(get('orders', '$LATEST'), InvalidParameterValueException, 400, NOT_PUBLISHED_OR_ALIAS);
    });

    test('answers 404 for an unknown version or function', async () => {
      await expectServiceError(get('orders', '10'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '10')}`);
      await expectServiceError(get('missing', '1'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing', '1')}`);
    });
  });

  describe('DeleteProvisionedConcurrencyConfig', () => {
    test('answers 204 with nothing else, and the config is gone', async () => {
      await put('orders', '1', 5);
      const { $metadata, ...answer } = await del('orders', '1');
      expect($metadata.httpStatusCode).toBe(204);
      expect(answer).toEqual({});
      await expectServiceError(get('orders', '1'), ProvisionedConcurrencyConfigNotFoundException, 404, NO_CONFIG);
      expect((await list()).ProvisionedConcurrencyConfigs).toEqual([]);
    });

    test('removes only the config of its version', async () => {
      await publishVersions(1);
      await put('orders', '1', 2);
      await put('orders', '2', 3);
      await del('orders', '1');
      expect((await list()).ProvisionedConcurrencyConfigs?.map((c) => c.FunctionArn)).toEqual([arnOf('orders', '2')]);
    });

    test('is idempotent, as the service: a version without a config answers 204 and nothing changes', async () => {
      const before = settledState(mock.lambda);
      expect((await del('orders', '1')).$metadata.httpStatusCode).toBe(204);
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('refuses $LATEST', async () => {
      await expectServiceError(del('orders', '$LATEST'), InvalidParameterValueException, 400, NOT_PUBLISHED_OR_ALIAS);
    });

    test('answers 404 for an unknown version or function', async () => {
      await expectServiceError(del('orders', '10'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '10')}`);
      await expectServiceError(del('missing', '1'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing', '1')}`);
    });
  });

  describe('ListProvisionedConcurrencyConfigs', () => {
    test('answers 200 with an empty list and no NextMarker for a function without configs', async () => {
      const { $metadata, ...answer } = await list();
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer).toEqual({ ProvisionedConcurrencyConfigs: [] });
    });

    test('lists every config, each named by the qualified ARN of its version', async () => {
      await publishVersions(2);
      const { LastModified } = await put('orders', '1', 1);
      await put('orders', '3', 3);
      const { ProvisionedConcurrencyConfigs, NextMarker } = await list();
      expect(NextMarker).toBeUndefined();
      expect(ProvisionedConcurrencyConfigs).toEqual([
        {
          FunctionArn: arnOf('orders', '1'),
          RequestedProvisionedConcurrentExecutions: 1,
          AllocatedProvisionedConcurrentExecutions: 1,
          AvailableProvisionedConcurrentExecutions: 1,
          Status: 'READY',
          LastModified,
        },
        expect.objectContaining({ FunctionArn: arnOf('orders', '3'), RequestedProvisionedConcurrentExecutions: 3, Status: 'READY' }),
      ]);
    });

    test('pages with MaxItems and Marker, reaching every config exactly once', async () => {
      await publishVersions(4);
      for (const version of ['1', '2', '3', '4', '5']) await put('orders', version, 1);
      const seen: string[] = [];
      let marker: string | undefined;
      const pages: number[] = [];
      do {
        const page = await list({ MaxItems: 2, Marker: marker });
        pages.push(page.ProvisionedConcurrencyConfigs!.length);
        seen.push(...page.ProvisionedConcurrencyConfigs!.map((c) => c.FunctionArn!));
        marker = page.NextMarker;
      } while (marker);
      expect(pages).toEqual([2, 2, 1]);
      expect(seen).toEqual(['1', '2', '3', '4', '5'].map((v) => arnOf('orders', v)));
    });

    test('refuses MaxItems above 50 with ValidationException', async () => {
      await expectValidationError(list({ MaxItems: 51 }), oneViolation(51, 'maxItems', 'Member must have value less than or equal to 50'));
    });

    test('answers 404 with the ARN of an unknown function', async () => {
      await expectServiceError(list({}, 'missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
    });

    test('a function deleted and created again has no configs', async () => {
      await put('orders', '1', 2);
      await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'orders' }));
      await mock.create('orders');
      expect((await list()).ProvisionedConcurrencyConfigs).toEqual([]);
    });
  });

  describe("the function's reserved concurrency", () => {
    test('allows provisioned concurrency up to the reservation', async () => {
      await reserve('orders', 10);
      expect((await put('orders', '1', 10)).RequestedProvisionedConcurrentExecutions).toBe(10);
    });

    test('refuses provisioned concurrency beyond the reservation, and keeps the config there was', async () => {
      await reserve('orders', 10);
      await put('orders', '1', 4);
      await expectServiceError(put('orders', '1', 11), InvalidParameterValueException, 400, OVER_RESERVED);
      expect((await get('orders', '1')).RequestedProvisionedConcurrentExecutions).toBe(4);
    });

    test("counts the function's other versions, but not the config being replaced", async () => {
      await publishVersions(1);
      await reserve('orders', 10);
      await put('orders', '1', 6);
      await expectServiceError(put('orders', '2', 5), InvalidParameterValueException, 400, OVER_RESERVED);
      await put('orders', '1', 5);
      expect((await put('orders', '2', 5)).RequestedProvisionedConcurrentExecutions).toBe(5);
    });
  });

  describe('the account quota', () => {
    test('is not enforced by default: provisioned concurrency far beyond the default limit is taken', async () => {
      expect((await put('orders', '1', 5000)).RequestedProvisionedConcurrentExecutions).toBe(5000);
    });

    test('with a quota, refuses provisioned concurrency leaving less than the minimum unreserved', async () => {
      mock.lambda.setConcurrencyQuota(1000);
      await expectServiceError(put('orders', '1', 901), InvalidParameterValueException, 400, OVER_UNRESERVED(100));
      expect((await put('orders', '1', 900)).RequestedProvisionedConcurrentExecutions).toBe(900);
    });

    test("counts other functions' reservations and provisioned concurrency", async () => {
      mock.lambda.setConcurrencyQuota(1000);
      await mock.create('billing');
      await reserve('billing', 300);
      await mock.create('reports');
      await publishVersions(1, 'reports');
      await put('reports', '1', 100);
      await expectServiceError(put('orders', '1', 501), InvalidParameterValueException, 400, OVER_UNRESERVED(100));
      expect((await put('orders', '1', 500)).RequestedProvisionedConcurrentExecutions).toBe(500);
    });

    test('a reservation that would take concurrency provisioned out of the unreserved pool is refused', async () => {
      mock.lambda.setConcurrencyQuota(1000);
      await put('orders', '1', 500);
      await mock.create('billing');
      await expectServiceError(
        reserve('billing', 401),
        InvalidParameterValueException,
        400,
        `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].`,
      );
      expect((await reserve('billing', 400)).ReservedConcurrentExecutions).toBe(400);
    });

    test('a function with a reservation provisions out of it, whatever the unreserved pool has left', async () => {
      mock.lambda.setConcurrencyQuota(1000);
      await reserve('orders', 900);
      expect((await put('orders', '1', 900)).RequestedProvisionedConcurrentExecutions).toBe(900);
    });
  });
});

describe('deleting a version', () => {
  const mock = useMockLambda();

  it('removes its provisioned concurrency config', async () => {
    await mock.create('pc-deleted');
    await mock.client.send(new PublishVersionCommand({ FunctionName: 'pc-deleted' }));
    await mock.client.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: 'pc-deleted', Qualifier: '1', ProvisionedConcurrentExecutions: 5 }));
    await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'pc-deleted', Qualifier: '1' }));
    const listed = await mock.client.send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: 'pc-deleted' }));
    expect(listed.ProvisionedConcurrencyConfigs).toEqual([]);
  });
});
