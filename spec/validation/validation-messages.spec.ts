import {
  CreateFunctionCommand,
  GetFunctionCommand,
  InvalidParameterValueException,
  LambdaServiceException,
  UpdateFunctionConfigurationCommand,
  type CreateFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../lib';
import { shapeSpecs } from '../../lib/model/lambda-model.generated';
import { arnOf, createInput, errorOf, newClient, REGION } from '../helpers/fixtures';

// The patterns as the API model (model/lambda-2015-03-31.json) writes them, copied by hand so that
// a validator printing anything else fails.
const FUNCTION_NAME = String.raw`^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$`;
const NAMESPACED_FUNCTION_NAME = String.raw`^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$`;
const QUALIFIER = String.raw`^\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+$`;
const KMS_KEY_ARN = String.raw`^(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()$`;
const ENVIRONMENT_VARIABLE_NAME = String.raw`^[a-zA-Z]([a-zA-Z0-9_])+$`;
const LOCAL_MOUNT_PATH = String.raw`^/mnt/[a-zA-Z0-9-_.]+$`;
const LAYER_VERSION_ARN = String.raw`^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+$`;
const EFS_ACCESS_POINT = 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0';

let lambda: LambdaMock;
beforeEach(() => {
  lambda = mockLambda();
});
afterEach(() => lambda.restore());

const createError = (extra: Partial<CreateFunctionCommandInput>) =>
  errorOf(newClient().send(new CreateFunctionCommand(createInput('fn', extra))));

/** The message of the ValidationException a CreateFunction with `extra` answers. */
const createMessage = async (extra: Partial<CreateFunctionCommandInput>): Promise<string> => {
  const error = await createError(extra);
  expect(error.name).toBe('ValidationException');
  return error.message;
};

describe('the ValidationException', () => {
  test('is a LambdaServiceException named ValidationException, a 400 client fault', async () => {
    const error = await createError({ MemorySize: 64 });
    expect(error).toBeInstanceOf(LambdaServiceException);
    expect(error).not.toBeInstanceOf(InvalidParameterValueException);
    expect(error.name).toBe('ValidationException');
    expect(error.$fault).toBe('client');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error).not.toBeInstanceOf(TypeError);
    // Nothing was created.
    expect(lambda.state.region(REGION).functions.size).toBe(0);
  });
});

describe('message forms', () => {
  test('pattern', async () => {
    expect(await createMessage({ FunctionName: 'bad name!' })).toBe(
      `1 validation error detected: Value 'bad name!' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${FUNCTION_NAME}`,
    );
    // A read names its function with another shape, and its own pattern.
    const error = await errorOf(newClient().send(new GetFunctionCommand({ FunctionName: 'bad name!' })));
    expect(error.message).toBe(
      `1 validation error detected: Value 'bad name!' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${NAMESPACED_FUNCTION_NAME}`,
    );
  });

  test('length', async () => {
    const description = 'd'.repeat(257);
    expect(await createMessage({ Description: description })).toBe(
      `1 validation error detected: Value '${description}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 256`,
    );
    const long = 'f'.repeat(141);
    expect(await createMessage({ FunctionName: long })).toBe(
      `1 validation error detected: Value '${long}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 140`,
    );
  });

  test('range', async () => {
    expect(await createMessage({ MemorySize: 64 })).toBe(
      "1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
    );
    expect(await createMessage({ MemorySize: 40960 })).toBe(
      "1 validation error detected: Value '40960' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 32768",
    );
    expect(await createMessage({ Timeout: 0 })).toBe(
      "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  test('enum, listing the model’s values', async () => {
    const runtimes = shapeSpecs.Runtime!.enum!;
    expect(runtimes).toContain('nodejs22.x');
    expect(await createMessage({ Runtime: 'nodejs99' as never })).toBe(
      `1 validation error detected: Value 'nodejs99' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${runtimes.join(', ')}]`,
    );
  });

  test('a required member left out, or null', async () => {
    const expected = "1 validation error detected: Value null at 'role' failed to satisfy constraint: Member must not be null";
    expect(await createMessage({ Role: undefined })).toBe(expected);
    expect(await createMessage({ Role: null as never })).toBe(expected);
  });

  test('several failures, counted and joined with "; "', async () => {
    const description = 'd'.repeat(300);
    expect(await createMessage({ Description: description, MemorySize: 64, Role: undefined })).toBe(
      '3 validation errors detected: ' +
        "Value null at 'role' failed to satisfy constraint: Member must not be null; " +
        `Value '${description}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 256; ` +
        "Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
    );
    // One value breaking two constraints is two failures.
    const name = `${'bad name!'.repeat(16)}`;
    expect(await createMessage({ FunctionName: name })).toBe(
      '2 validation errors detected: ' +
        `Value '${name}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 140; ` +
        `Value '${name}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${FUNCTION_NAME}`,
    );
  });

  test('member names lower only their first letter', async () => {
    const key = '"arn:aws:kms:eu-central-1:123456789012:key/abc"';
    expect(await createMessage({ KMSKeyArn: key })).toBe(
      `1 validation error detected: Value '${key}' at 'kMSKeyArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${KMS_KEY_ARN}`,
    );
  });
});

describe('nested members', () => {
  test('a structure member: path `ephemeralStorage.size`', async () => {
    expect(await createMessage({ EphemeralStorage: { Size: 100 } })).toBe(
      "1 validation error detected: Value '100' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value greater than or equal to 512",
    );
    expect(await createMessage({ EphemeralStorage: {} as never })).toBe(
      "1 validation error detected: Value null at 'ephemeralStorage.size' failed to satisfy constraint: Member must not be null",
    );
  });

  test('map keys of Environment.Variables; the sensitive value is left out of the message', async () => {
    const expected = `1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ${ENVIRONMENT_VARIABLE_NAME}]`;
    expect(await createMessage({ Environment: { Variables: { '1bad': 'secret', GOOD: 'x' } } })).toBe(expected);
    // A single letter is too short for the pattern.
    expect(await createMessage({ Environment: { Variables: { A: 'secret' } } })).toBe(expected);
    expect(await createMessage({ Environment: { Variables: { 'with-dash': 'secret' } } })).not.toContain('secret');
  });

  test('list elements: an enum (Architectures) and the list’s own length', async () => {
    expect(await createMessage({ Architectures: ['sparc' as never] })).toBe(
      "1 validation error detected: Value '[sparc]' at 'architectures' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64]]",
    );
    expect(await createMessage({ Architectures: ['x86_64', 'arm64'] })).toBe(
      "1 validation error detected: Value '[x86_64, arm64]' at 'architectures' failed to satisfy constraint: Member must have length less than or equal to 1",
    );
    expect(await createMessage({ Architectures: [] })).toBe(
      "1 validation error detected: Value '[]' at 'architectures' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(await createMessage({ Layers: ['bad'] })).toBe(
      `1 validation error detected: Value '[bad]' at 'layers' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy regular expression pattern: ${LAYER_VERSION_ARN}]`,
    );
  });

  test('members of structures in a list: path `list.N.member.name`, N from 1', async () => {
    expect(await createMessage({ FileSystemConfigs: [{ Arn: EFS_ACCESS_POINT, LocalMountPath: '/flock/q3-00' }] })).toBe(
      `1 validation error detected: Value '/flock/q3-00' at 'fileSystemConfigs.1.member.localMountPath' failed to satisfy constraint: Member must satisfy regular expression pattern: ${LOCAL_MOUNT_PATH}`,
    );
    expect(await createMessage({ FileSystemConfigs: [{ LocalMountPath: '/mnt/data' } as never] })).toBe(
      "1 validation error detected: Value null at 'fileSystemConfigs.1.member.arn' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('patterns match the whole value, as the service applies them', () => {
  test('an alternation with an empty branch (KMSKeyArn) still rejects other values', async () => {
    const message = await createMessage({ KMSKeyArn: 'not an arn' });
    expect(message).toContain("Value 'not an arn' at 'kMSKeyArn'");
    const error = await createError({ DeadLetterConfig: { TargetArn: 'queue' } });
    expect(error.message).toContain(`Value 'queue' at 'deadLetterConfig.targetArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${KMS_KEY_ARN}`);
  });

  test('a qualifier with a bad character', async () => {
    const error = await errorOf(newClient().send(new GetFunctionCommand({ FunctionName: 'fn', Qualifier: 'abc!x' })));
    expect(error.message).toBe(
      `1 validation error detected: Value 'abc!x' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ${QUALIFIER}`,
    );
  });

  test('valid values pass: every form of function name, empty KMSKeyArn, $LATEST, a real EFS access point', async () => {
    const client = newClient();
    const created = await client.send(
      new CreateFunctionCommand(
        createInput('valid', {
          KMSKeyArn: '',
          DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq' },
          Environment: { Variables: { A1: 'x', snake_case_9: 'y' } },
          Architectures: ['arm64'],
          EphemeralStorage: { Size: 10240 },
          MemorySize: 128,
          Timeout: 900,
          Description: 'd'.repeat(256),
          FileSystemConfigs: [{ Arn: EFS_ACCESS_POINT, LocalMountPath: '/mnt/data' }],
        }),
      ),
    );
    expect(created.FunctionName).toBe('valid');
    for (const FunctionName of ['valid', arnOf('valid'), '123456789012:function:valid', 'valid:$LATEST', `${arnOf('valid')}:$LATEST`]) {
      const got = await client.send(new GetFunctionCommand({ FunctionName }));
      expect(got.Configuration?.FunctionName).toBe('valid');
    }
    const latest = await client.send(new GetFunctionCommand({ FunctionName: 'valid', Qualifier: '$LATEST' }));
    expect(latest.Configuration?.Version).toBe('$LATEST');
  });
});

describe('null members', () => {
  test('null and NaN reach the service as no value: they change nothing', async () => {
    const client = newClient();
    const created = await client.send(new CreateFunctionCommand(createInput('fn', { Description: 'kept', Environment: { Variables: { MODE: 'a' } } })));
    await client.send(new GetFunctionCommand({ FunctionName: 'fn' }));
    const updated = await client.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Description: null as never, Environment: null as never, Timeout: Number.NaN, VpcConfig: null as never }),
    );
    expect(updated.Description).toBe('kept');
    expect(updated.Environment).toEqual({ Variables: { MODE: 'a' } });
    expect(updated.Timeout).toBe(3);
    expect(updated.RevisionId).toBe(created.RevisionId);
  });

  test('null list elements and map values are left out, as the SDK leaves them out of the request', async () => {
    const client = newClient();
    const created = await client.send(
      new CreateFunctionCommand(createInput('listed', { Architectures: [null as never, 'arm64'], Tags: { team: 'a', gone: null as never } })),
    );
    expect(created.Architectures).toEqual(['arm64']);
    expect(lambda.state.function('listed')?.tags).toEqual({ team: 'a' });
    // Every element null: an empty list, which the model's minimum then refuses as the service would.
    const refused = await errorOf(client.send(new CreateFunctionCommand(createInput('empty', { Architectures: [null as never] }))));
    expect(refused.message).toBe(
      "1 validation error detected: Value '[]' at 'architectures' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });
});
