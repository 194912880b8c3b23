import {
  InvalidParameterValueException,
  InvalidRequestContentException,
  ListTagsCommand,
  ResourceNotFoundException,
  TagResourceCommand,
} from '@aws-sdk/client-lambda';
import { arnOf, expectNoPollution, expectServiceError, settledState, storedState, tagsOf, useMockLambda } from '../../helpers/fixtures';

describe('TagResource', () => {
  const mock = useMockLambda();
  const tag = (tags: Record<string, string>, resource = arnOf('orders')) =>
    mock.client.send(new TagResourceCommand({ Resource: resource, Tags: tags }));
  const tagsNow = async () => (await mock.client.send(new ListTagsCommand({ Resource: arnOf('orders') }))).Tags;

  beforeEach(async () => {
    await mock.create('orders', { Tags: { team: 'payments' } });
  });

  test('answers 204, adding new keys and overwriting existing ones', async () => {
    const { $metadata, ...answer } = await tag({ stage: 'prod', team: 'billing' });
    expect($metadata.httpStatusCode).toBe(204);
    expect(answer).toEqual({});
    expect(await tagsNow()).toEqual({ team: 'billing', stage: 'prod' });
    expect((await mock.get('orders')).Tags).toEqual({ team: 'billing', stage: 'prod' });
  });

  test('allows 50 tags in all and refuses a 51st, keeping the 50', async () => {
    await tag(tagsOf(49));
    expect(Object.keys((await tagsNow())!)).toHaveLength(50);
    await tag({ team: 'overwriting keeps the count at 50' });

    await expectServiceError(
      tag({ 'one-too-many': 'x' }),
      InvalidParameterValueException,
      400,
      'Number of tags exceeds resource tag limit. The limit is 50.',
    );
    const tags = (await tagsNow())!;
    expect(Object.keys(tags)).toHaveLength(50);
    expect(tags).not.toHaveProperty('one-too-many');
  });

  test('refuses keys with the reserved aws: prefix, in any case', async () => {
    for (const key of ['aws:cloudformation:stack-name', 'AWS:owner']) {
      await expectServiceError(
        tag({ fine: 'yes', [key]: 'x' }),
        InvalidParameterValueException,
        400,
        `The tag key prefix aws: is reserved for AWS use: ${key}`,
      );
    }
    expect(await tagsNow()).toEqual({ team: 'payments' });
  });

  test('answers 404 for an unknown function', async () => {
    await expectServiceError(tag({ a: 'b' }, arnOf('missing')), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
  });

  test('takes __proto__ and constructor as ordinary keys, polluting nothing', async () => {
    const prototypeKeys = Reflect.ownKeys(Object.prototype);
    // A computed key makes `__proto__` an own property, as a JSON body would.
    await tag({ ['__proto__']: 'proto-value', constructor: 'ctor-value', polluted: 'own key only' });

    const tags = (await tagsNow())!;
    expect(Object.keys(tags).sort()).toEqual(['__proto__', 'constructor', 'polluted', 'team']);
    expect(Object.getOwnPropertyDescriptor(tags, '__proto__')?.value).toBe('proto-value');
    expect(Object.getOwnPropertyDescriptor(tags, 'constructor')?.value).toBe('ctor-value');
    expect(Object.getOwnPropertyDescriptor((await mock.get('orders')).Tags, '__proto__')?.value).toBe('proto-value');
    expectNoPollution(prototypeKeys);
  });

  test('refuses an object where a tag value belongs, polluting nothing and storing nothing', async () => {
    const prototypeKeys = Reflect.ownKeys(Object.prototype);
    const before = settledState(mock.lambda);
    const hostile = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}');

    await expectServiceError(
      tag(hostile),
      InvalidRequestContentException,
      400,
      'Could not parse request body into json: Could not parse payload into json: Cannot deserialize value of type `java.lang.String` from Object value',
    );
    expect(storedState(mock.lambda)).toEqual(before);
    expectNoPollution(prototypeKeys);
  });
});
