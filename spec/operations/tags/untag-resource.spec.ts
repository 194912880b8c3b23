import { ListTagsCommand, ResourceNotFoundException, UntagResourceCommand } from '@aws-sdk/client-lambda';
import { arnOf, expectNoPollution, expectServiceError, useMockLambda } from '../../helpers/fixtures';

describe('UntagResource', () => {
  const mock = useMockLambda();
  const untag = (keys: string[], resource = arnOf('orders')) =>
    mock.client.send(new UntagResourceCommand({ Resource: resource, TagKeys: keys }));
  const tagsNow = async () => (await mock.client.send(new ListTagsCommand({ Resource: arnOf('orders') }))).Tags;

  beforeEach(async () => {
    await mock.create('orders', { Tags: { team: 'payments', stage: 'prod', owner: 'ana', ['__proto__']: 'p', constructor: 'c' } });
  });

  test('answers 204 and removes exactly the given keys', async () => {
    const { $metadata, ...answer } = await untag(['stage', 'owner']);
    expect($metadata.httpStatusCode).toBe(204);
    expect(answer).toEqual({});
    const tags = (await tagsNow())!;
    expect(Object.keys(tags).sort()).toEqual(['__proto__', 'constructor', 'team']);
    expect(tags.team).toBe('payments');
  });

  test('ignores keys the function does not have', async () => {
    await untag(['no-such-key', 'team']);
    expect(Object.keys((await tagsNow())!).sort()).toEqual(['__proto__', 'constructor', 'owner', 'stage']);
  });

  test('removes __proto__ and constructor as ordinary keys, polluting nothing', async () => {
    const prototypeKeys = Reflect.ownKeys(Object.prototype);
    await untag(['__proto__', 'constructor']);
    const tags = (await tagsNow())!;
    expect(tags).toEqual({ team: 'payments', stage: 'prod', owner: 'ana' });
    expect(Object.keys(tags)).not.toContain('__proto__');
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expectNoPollution(prototypeKeys);
  });

  test('answers 404 for an unknown function', async () => {
    await expectServiceError(untag(['team'], arnOf('missing')), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
  });
});
