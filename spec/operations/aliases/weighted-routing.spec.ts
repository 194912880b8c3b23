import { InvokeCommand, LambdaClient, UpdateAliasCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../../lib';
import { createInput, REGION, zipOf } from '../../helpers/fixtures';
import { CreateAliasCommand, CreateFunctionCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';

/**
 * Weighted aliases draw from the mock's random source: `random` (a function) or `randomSeed` make
 * the choice reproducible. Each test installs its own mock with the options it needs.
 */
describe('weighted alias routing', () => {
  let lambda: LambdaMock | undefined;
  afterEach(() => {
    lambda?.restore();
    lambda = undefined;
  });

  async function setUp(options: Parameters<typeof mockLambda>[0], weight: number): Promise<LambdaClient> {
    lambda = mockLambda(options);
    const client = new LambdaClient({ region: REGION });
    await client.send(new CreateFunctionCommand(createInput('orders', { Publish: true })));
    await client.send(new UpdateFunctionCodeCommand({ FunctionName: 'orders', ZipFile: zipOf('exports.handler = async () => 2;'), Publish: true }));
    await client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': weight } } }));
    return client;
  }

  const executed = async (client: LambdaClient, times: number): Promise<string[]> => {
    const versions: string[] = [];
    for (let i = 0; i < times; i++) versions.push((await client.send(new InvokeCommand({ FunctionName: 'orders', Qualifier: 'live' }))).ExecutedVersion!);
    return versions;
  };

  test('a draw below the weight runs the additional version, any other the primary one', async () => {
    const draws = [0.1, 0.3, 0.29999, 0.9, 0];
    const client = await setUp({ random: () => draws.shift()! }, 0.3);
    expect(await executed(client, 5)).toEqual(['2', '1', '2', '1', '2']);
    expect(lambda!.invocations('orders').map((i) => [i.qualifier, i.executedVersion])).toEqual([
      ['live', '2'], ['live', '1'], ['live', '2'], ['live', '1'], ['live', '2'],
    ]);
  });

  test('the same randomSeed gives the same versions on every run, and roughly the weight', async () => {
    const first = await executed(await setUp({ randomSeed: 7 }, 0.25), 200);
    lambda!.restore();
    const second = await executed(await setUp({ randomSeed: 7 }, 0.25), 200);
    expect(second).toEqual(first);
    const share = first.filter((v) => v === '2').length / first.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
  });

  test('weight 0 never runs the additional version; without routing nothing is drawn', async () => {
    let draws = 0;
    const client = await setUp({ random: () => (draws++, 0) }, 0);
    expect(await executed(client, 3)).toEqual(['1', '1', '1']);
    await client.send(new UpdateAliasCommand({ FunctionName: 'orders', Name: 'live', RoutingConfig: { AdditionalVersionWeights: {} } }));
    const before = draws;
    expect(await executed(client, 2)).toEqual(['1', '1']);
    expect(draws).toBe(before);
  });

  test('random and randomSeed together, or a seed that is not a whole number, are refused', () => {
    expect(() => mockLambda({ random: Math.random, randomSeed: 1 })).toThrow(new TypeError('lambda-mock: pass either random or randomSeed, not both'));
    expect(() => mockLambda({ randomSeed: 1.5 })).toThrow(new TypeError('lambda-mock: randomSeed is a whole number, not 1.5'));
  });
});
