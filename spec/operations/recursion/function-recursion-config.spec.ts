import {
  GetFunctionRecursionConfigCommand,
  PutFunctionRecursionConfigCommand,
  ResourceNotFoundException,
  type RecursiveLoop,
} from '@aws-sdk/client-lambda';
import { ACCOUNT, arnOf, expectServiceError, expectValidationError, useMockLambda } from '../../helpers/fixtures';

describe('PutFunctionRecursionConfig / GetFunctionRecursionConfig', () => {
  const mock = useMockLambda();
  const put = (RecursiveLoop: RecursiveLoop, FunctionName = 'orders') =>
    mock.client.send(new PutFunctionRecursionConfigCommand({ FunctionName, RecursiveLoop }));
  const get = (FunctionName = 'orders') => mock.client.send(new GetFunctionRecursionConfigCommand({ FunctionName }));

  beforeEach(async () => {
    await mock.create('orders');
  });

  test('Get answers Terminate, the default, for a function never configured', async () => {
    const { $metadata, ...answer } = await get();
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({ RecursiveLoop: 'Terminate' });
  });

  test('Put answers 200 with the setting, and Get reads it back', async () => {
    const { $metadata, ...answer } = await put('Allow');
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({ RecursiveLoop: 'Allow' });
    expect((await get()).RecursiveLoop).toBe('Allow');
    await put('Terminate');
    expect((await get()).RecursiveLoop).toBe('Terminate');
  });

  test('each function keeps its own setting', async () => {
    await mock.create('billing');
    await put('Allow');
    expect([(await get()).RecursiveLoop, (await get('billing')).RecursiveLoop]).toEqual(['Allow', 'Terminate']);
  });

  test.each([
    ['its ARN', arnOf('orders')],
    ['its partial ARN', `${ACCOUNT}:function:orders`],
  ])('finds the function by %s', async (_form, name) => {
    await put('Allow', name);
    expect((await get(name)).RecursiveLoop).toBe('Allow');
  });

  test('an unknown function answers 404, for Put and Get', async () => {
    await expectServiceError(put('Allow', 'missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
    await expectServiceError(get('missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
  });

  test('a qualified function name or an unknown setting answers ValidationException', async () => {
    await expectValidationError(
      get('orders:1'),
      "1 validation error detected: Value 'orders:1' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)$",
    );
    await expectValidationError(
      put('Forbid' as RecursiveLoop),
      "1 validation error detected: Value 'Forbid' at 'recursiveLoop' failed to satisfy constraint: Member must satisfy enum value set: [Allow, Terminate]",
    );
  });
});
