import {
  CreateFunctionCommand,
  GetFunctionCommand,
  InvalidRequestContentException,
  ListFunctionsCommand,
  TagResourceCommand,
  UpdateFunctionConfigurationCommand,
  type CreateFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../lib';
import { shapeSpecs } from '../../lib/model/lambda-model.generated';
import { arnOf, createInput, errorOf, newClient, REGION } from '../helpers/fixtures';

let lambda: LambdaMock;
beforeEach(() => {
  lambda = mockLambda();
});
afterEach(() => lambda.restore());

/** What the service's JSON parser answers for a value of the wrong type: never a TypeError or a 500. */
const expectInvalidContent = (error: Error & Record<string, any>, javaType?: string): void => {
  expect(error).toBeInstanceOf(InvalidRequestContentException);
  expect(error.name).toBe('InvalidRequestContentException');
  expect(error.$fault).toBe('client');
  expect(error.$metadata.httpStatusCode).toBe(400);
  expect(error.message).toMatch(/^Could not parse request body into json: /);
  if (javaType) expect(error.message).toContain(`Cannot deserialize value of type \`${javaType}\``);
};

const createError = (extra: Record<string, unknown>) =>
  errorOf(newClient().send(new CreateFunctionCommand(createInput('fn', extra as Partial<CreateFunctionCommandInput>))));

describe('values of the wrong type answer InvalidRequestContentException', () => {
  test('Timeout: "abc" and Code: "x"', async () => {
    expectInvalidContent(await createError({ Timeout: 'abc' }), 'java.lang.Integer');
    expectInvalidContent(await createError({ Code: 'x' }), 'java.util.LinkedHashMap');
    expect(lambda.state.region(REGION).functions.size).toBe(0);
  });

  test('scalars of every kind', async () => {
    expectInvalidContent(await createError({ Publish: 'yes' }), 'java.lang.Boolean');
    expectInvalidContent(await createError({ Description: { text: 'x' } }), 'java.lang.String');
    expectInvalidContent(await createError({ Description: 5 }), 'java.lang.String');
    expectInvalidContent(await createError({ MemorySize: 3.5 }), 'java.lang.Integer');
    expectInvalidContent(await createError({ MemorySize: true }), 'java.lang.Integer');
    expectInvalidContent(await createError({ Code: { ZipFile: 5 } }), 'java.nio.ByteBuffer');
    // An integer beyond 32 bits is not an int.
    const big = await createError({ MemorySize: 2 ** 40 });
    expectInvalidContent(big);
    expect(big.message).toContain('out of range of int');
  });

  test('collections and nested values', async () => {
    expectInvalidContent(await createError({ Architectures: 'x86_64' }), 'java.util.ArrayList');
    expectInvalidContent(await createError({ Layers: [5] }), 'java.lang.String');
    expectInvalidContent(await createError({ Environment: 'x' }));
    expectInvalidContent(await createError({ Environment: { Variables: 'x' } }));
    expectInvalidContent(await createError({ Environment: { Variables: { A1: 5 } } }), 'java.lang.String');
    expectInvalidContent(await createError({ VpcConfig: { SubnetIds: 'subnet-1' } }), 'java.util.ArrayList');
    expectInvalidContent(await createError({ FileSystemConfigs: [{ Arn: 5, LocalMountPath: '/mnt/x' }] }), 'java.lang.String');
    expectInvalidContent(await createError({ FileSystemConfigs: ['x'] }));
    expectInvalidContent(await createError({ Tags: { team: ['a'] } }), 'java.lang.String');
    expectInvalidContent(await createError({ EphemeralStorage: { Size: '512' } }), 'java.lang.Integer');
  });

  test('a wrong type wins over constraint failures: the body is not even read', async () => {
    expectInvalidContent(await createError({ Description: 'd'.repeat(300), MemorySize: 64, Timeout: 'abc' }));
  });

  test('in other operations too', async () => {
    const client = newClient();
    await client.send(new CreateFunctionCommand(createInput('fn')));
    expectInvalidContent(await errorOf(client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Timeout: 'abc' as never }))));
    expectInvalidContent(await errorOf(client.send(new TagResourceCommand({ Resource: arnOf('fn'), Tags: 'x' as never }))));
    expectInvalidContent(await errorOf(client.send(new ListFunctionsCommand({ MaxItems: 'many' as never }))));
    expectInvalidContent(await errorOf(client.send(new GetFunctionCommand({ FunctionName: 'fn', Qualifier: { v: 1 } as never }))));
  });

  // Every top-level member of the two requests that carry a whole configuration, each given a
  // value of another type: a handler must never meet one (it would fail with a TypeError, a 500).
  const wrongValue: Record<string, unknown> = {
    string: 42, integer: 'abc', long: 'abc', double: 'abc', boolean: 'abc', blob: 42, timestamp: true,
    structure: 'x', union: 'x', list: 'x', map: ['x'],
  };
  const membersOf = (shapeName: string): [string, string][] =>
    Object.entries(shapeSpecs[shapeName]!.members!).map(([name, member]) => [name, shapeSpecs[member.target]!.type]);

  test.each(membersOf('CreateFunctionRequest'))('CreateFunction %s (%s)', async (member, type) => {
    expectInvalidContent(await createError({ [member]: wrongValue[type] }));
    expect(lambda.calls[0]?.error).toBeInstanceOf(InvalidRequestContentException);
  });

  test.each(membersOf('UpdateFunctionConfigurationRequest').filter(([m]) => m !== 'FunctionName'))(
    'UpdateFunctionConfiguration %s (%s)',
    async (member, type) => {
      const client = newClient();
      await client.send(new CreateFunctionCommand(createInput('fn')));
      const error = await errorOf(client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', [member]: wrongValue[type] })));
      expectInvalidContent(error);
    },
  );
});
