import { CreateFunctionCommand, ListFunctionsCommand, type ListFunctionsCommandInput } from '@aws-sdk/client-lambda';
import { arnOf, createInput, newClient, useMockLambda } from '../../helpers/fixtures';

/** Members ListFunctions leaves out: the service documents them as GetFunction-only. */
const GET_FUNCTION_ONLY = [
  'State', 'StateReason', 'StateReasonCode', 'LastUpdateStatus', 'LastUpdateStatusReason',
  'LastUpdateStatusReasonCode', 'RuntimeVersionConfig',
];

describe('ListFunctions', () => {
  const mock = useMockLambda();
  const list = (input: ListFunctionsCommandInput = {}) => mock.client.send(new ListFunctionsCommand(input));
  const createMany = async (count: number) => {
    for (let i = 0; i < count; i++) await mock.create(`fn-${String(i).padStart(3, '0')}`);
  };

  test('answers 200 with an empty list and no NextMarker when there are no functions', async () => {
    const { $metadata, ...answer } = await list();
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({ Functions: [] });
  });

  test('lists $LATEST of every function, sorted by name', async () => {
    for (const name of ['charlie', 'alpha', 'bravo']) await mock.create(name);
    const { Functions, NextMarker } = await list();
    expect(Functions?.map((f) => [f.FunctionName, f.Version, f.FunctionArn])).toEqual([
      ['alpha', '$LATEST', arnOf('alpha')],
      ['bravo', '$LATEST', arnOf('bravo')],
      ['charlie', '$LATEST', arnOf('charlie')],
    ]);
    expect(NextMarker).toBeUndefined();
  });

  test('gives each configuration without the members only GetFunction answers', async () => {
    await mock.create('orders', { Timeout: 30 });
    const [listed] = (await list()).Functions!;
    const expected: Record<string, unknown> = { ...(await mock.get('orders')).Configuration };
    for (const key of GET_FUNCTION_ONLY) delete expected[key];
    expect(listed).toEqual(expected);
    expect(listed).toMatchObject({ FunctionName: 'orders', Timeout: 30 });
  });

  test('pages 50 functions by default, and never more than 50 per call', async () => {
    await createMany(51);
    const first = await list();
    expect(first.Functions).toHaveLength(50);
    expect(first.NextMarker).toEqual(expect.any(String));
    expect((await list({ MaxItems: 1000 })).Functions).toHaveLength(50);

    const rest = await list({ Marker: first.NextMarker });
    expect(rest.Functions?.map((f) => f.FunctionName)).toEqual(['fn-050']);
    expect(rest.NextMarker).toBeUndefined();
  });

  test('Marker paging reaches every function exactly once, in order', async () => {
    await createMany(10);
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await list({ MaxItems: 3, Marker: marker });
      expect(page.Functions!.length).toBeLessThanOrEqual(3);
      seen.push(...page.Functions!.map((f) => f.FunctionName!));
      marker = page.NextMarker;
      pages++;
    } while (marker !== undefined);
    expect(pages).toBe(4);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `fn-${String(i).padStart(3, '0')}`));
  });

  test("FunctionVersion: 'ALL' also lists every published version, after its $LATEST", async () => {
    await mock.create('alpha', { Publish: true });
    await mock.deploy('alpha', 'exports.handler = async () => 2;');
    await mock.create('bravo');
    const versions = (answer: Awaited<ReturnType<typeof list>>) => answer.Functions?.map((f) => [f.FunctionName, f.Version]);

    expect(versions(await list({ FunctionVersion: 'ALL' }))).toEqual([
      ['alpha', '$LATEST'],
      ['alpha', '1'],
      ['alpha', '2'],
      ['bravo', '$LATEST'],
    ]);
    expect(versions(await list())).toEqual([
      ['alpha', '$LATEST'],
      ['bravo', '$LATEST'],
    ]);
  });

  test('lists only the functions of the client region', async () => {
    const west = newClient('us-west-2');
    await west.send(new CreateFunctionCommand(createInput('west-only')));
    await mock.create('east-only');

    expect((await list()).Functions?.map((f) => f.FunctionName)).toEqual(['east-only']);
    const westList = await west.send(new ListFunctionsCommand({}));
    expect(westList.Functions?.map((f) => f.FunctionArn)).toEqual([arnOf('west-only', undefined, 'us-west-2')]);
  });
});
