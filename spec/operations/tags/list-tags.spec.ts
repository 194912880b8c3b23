import { ListTagsCommand, ResourceNotFoundException, TagResourceCommand } from '@aws-sdk/client-lambda';
import { arnOf, expectNoPollution, expectServiceError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';

describe('ListTags', () => {
  const mock = useMockLambda();
  const listTags = (resource: string) => mock.client.send(new ListTagsCommand({ Resource: resource }));

  test('answers 200 with an empty map for a function without tags', async () => {
    await mock.create('orders');
    const { $metadata, ...answer } = await listTags(arnOf('orders'));
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({ Tags: {} });
  });

  test('answers exactly the tags the function has', async () => {
    await mock.create('orders', { Tags: { team: 'payments' } });
    await mock.client.send(new TagResourceCommand({ Resource: arnOf('orders'), Tags: { stage: 'prod' } }));
    expect((await listTags(arnOf('orders'))).Tags).toEqual({ team: 'payments', stage: 'prod' });
  });

  test('answers a copy: changing it changes neither the next answer nor lambda.state', async () => {
    await mock.create('orders', { Tags: { team: 'payments' } });
    const before = settledState(mock.lambda);
    const { Tags } = await listTags(arnOf('orders'));
    Tags!.team = 'changed';
    Tags!.extra = 'added';
    expect((await listTags(arnOf('orders'))).Tags).toEqual({ team: 'payments' });
    expect(storedState(mock.lambda)).toEqual(before);
  });

  test('gives __proto__ and constructor keys as own data properties, polluting nothing', async () => {
    const prototypeKeys = Reflect.ownKeys(Object.prototype);
    await mock.create('orders', { Tags: { ['__proto__']: 'p', constructor: 'c' } });
    const { Tags } = await listTags(arnOf('orders'));
    expect(Object.keys(Tags!).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(Tags, '__proto__')).toMatchObject({ value: 'p', enumerable: true });
    expect(Object.getPrototypeOf(Tags)).toBe(Object.prototype);
    expectNoPollution(prototypeKeys);
  });

  test('answers 404 for an unknown function', async () => {
    await expectServiceError(listTags(arnOf('missing')), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
  });
});
