import {
  CreateAliasCommand,
  GetAliasCommand,
  InvalidParameterValueException,
  ResourceConflictException,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { arnOf, expectNoPollution, expectServiceError, expectValidationError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { createAliasOn, ordersWithVersions, UUID, weightViolation } from './alias-helpers';

const ALIAS_PATTERN = '^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$';

describe('CreateAlias', () => {
  const mock = useMockLambda();
  beforeEach(() => ordersWithVersions(mock, 3));

  test('answers 201 with the alias: its ARN, version, an empty description and a RevisionId', async () => {
    const { $metadata, ...alias } = await createAliasOn(mock);
    expect($metadata.httpStatusCode).toBe(201);
    expect(alias).toEqual({ AliasArn: arnOf('orders', 'live'), Name: 'live', FunctionVersion: '1', Description: '', RevisionId: expect.stringMatching(UUID) });
    const { $metadata: _m, ...read } = await mock.client.send(new GetAliasCommand({ FunctionName: 'orders', Name: 'live' }));
    expect(read).toEqual(alias);
  });

  test('points to $LATEST, with a description, by any form of the function name', async () => {
    const alias = await createAliasOn(mock, { FunctionName: arnOf('orders'), Name: 'dev', FunctionVersion: '$LATEST', Description: 'work in progress' });
    expect(alias).toMatchObject({ AliasArn: arnOf('orders', 'dev'), FunctionVersion: '$LATEST', Description: 'work in progress' });
  });

  test('a second alias of the same name is a conflict', async () => {
    await createAliasOn(mock);
    const before = settledState(mock.lambda);
    await expectServiceError(createAliasOn(mock, { FunctionVersion: '2' }), ResourceConflictException, 409, `Alias already exists: ${arnOf('orders', 'live')}`);
    expect(storedState(mock.lambda)).toEqual(before);
  });

  test('the version must exist: an unknown version or function is the service 404 naming the version', async () => {
    await expectServiceError(createAliasOn(mock, { FunctionVersion: '9' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '9')}`);
    await expectServiceError(createAliasOn(mock, { FunctionName: 'nope' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('nope', '1')}`);
    await expectServiceError(
      createAliasOn(mock, { FunctionVersion: '$LATEST.PUBLISHED' }),
      ResourceNotFoundException,
      404,
      `Function not found: ${arnOf('orders', '$LATEST.PUBLISHED')}`,
    );
  });

  test('a name that is a version number, or has other characters, fails the model pattern', async () => {
    await expectValidationError(
      createAliasOn(mock, { Name: '42' }),
      `1 validation error detected: Value '42' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ALIAS_PATTERN}`,
    );
    await expectValidationError(
      createAliasOn(mock, { Name: 'a.b' }),
      `1 validation error detected: Value 'a.b' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ALIAS_PATTERN}`,
    );
  });

  test('names such as __proto__ and constructor are ordinary aliases and pollute nothing', async () => {
    const before = Reflect.ownKeys(Object.prototype);
    expect((await createAliasOn(mock, { Name: '__proto__', FunctionVersion: '2' })).AliasArn).toBe(arnOf('orders', '__proto__'));
    expect((await createAliasOn(mock, { Name: 'constructor' })).Name).toBe('constructor');
    await expectServiceError(createAliasOn(mock, { Name: 'toString' }).then(() => createAliasOn(mock, { Name: 'toString' })), ResourceConflictException, 409, `Alias already exists: ${arnOf('orders', 'toString')}`);
    expect((await mock.client.send(new GetAliasCommand({ FunctionName: 'orders', Name: '__proto__' }))).FunctionVersion).toBe('2');
    await expectServiceError(
      mock.client.send(new GetAliasCommand({ FunctionName: 'orders', Name: 'hasOwnProperty' })),
      ResourceNotFoundException,
      404,
      `Cannot find alias arn: ${arnOf('orders', 'hasOwnProperty')}`,
    );
    expect(Object.keys(mock.lambda.state.region('us-east-1').functions.get('orders')!.aliases!)).toEqual(['__proto__', 'constructor', 'toString']);
    expectNoPollution(before);
  });

  describe('RoutingConfig', () => {
    test('sends a share of the traffic to one other published version', async () => {
      const alias = await createAliasOn(mock, { FunctionVersion: '2', RoutingConfig: { AdditionalVersionWeights: { '1': 0.25 } } });
      expect(alias.RoutingConfig).toEqual({ AdditionalVersionWeights: { '1': 0.25 } });
    });

    test('empty weights are no routing at all', async () => {
      const alias = await createAliasOn(mock, { RoutingConfig: { AdditionalVersionWeights: {} } });
      expect(alias).not.toHaveProperty('RoutingConfig');
    });

    test('only one additional version', async () => {
      await expectServiceError(
        createAliasOn(mock, { FunctionVersion: '3', RoutingConfig: { AdditionalVersionWeights: { '1': 0.1, '2': 0.1 } } }),
        InvalidParameterValueException,
        400,
        'Number of items in AdditionalVersionWeights cannot be greater than 1',
      );
    });

    test('a weight between 0 and 1 (1 itself would send everything to the additional version)', async () => {
      const routed = (weight: number) => createAliasOn(mock, { FunctionVersion: '2', RoutingConfig: { AdditionalVersionWeights: { '1': weight } } });
      await expectValidationError(routed(1.5), weightViolation('1=1.5', 'Member must have value less than or equal to 1.0'));
      await expectValidationError(routed(-0.5), weightViolation('1=-0.5', 'Member must have value greater than or equal to 0.0'));
      await expectValidationError(routed(1), weightViolation('1=1.0', 'Member must have value less than or equal to 1.0'));
      expect((await routed(0)).RoutingConfig).toEqual({ AdditionalVersionWeights: { '1': 0 } });
    });

    test('the additional version is a published version other than the primary one', async () => {
      const routed = (primary: string, extra: string) =>
        createAliasOn(mock, { FunctionVersion: primary, RoutingConfig: { AdditionalVersionWeights: { [extra]: 0.5 } } });
      await expectServiceError(routed('2', '2'), InvalidParameterValueException, 400, 'Invalid function version 2. Function version 2 is already included in routing configuration.');
      await expectServiceError(routed('$LATEST', '1'), InvalidParameterValueException, 400, '$LATEST is not supported for an alias pointing to more than 1 version');
      await expectServiceError(routed('2', '7'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '7')}`);
      await expectValidationError(
        routed('2', '$LATEST'),
        "1 validation error detected: Value '{$LATEST=0.5}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ^[0-9]+$]",
      );
    });
  });

  test('sent as a raw command, the alias record stays out of the call input', async () => {
    const input = { FunctionName: 'orders', Name: 'copy', FunctionVersion: '1' };
    await mock.client.send(new CreateAliasCommand(input));
    expect(input).toEqual({ FunctionName: 'orders', Name: 'copy', FunctionVersion: '1' });
  });
});
