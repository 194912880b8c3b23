import {
  GetAliasCommand,
  InvalidParameterValueException,
  PreconditionFailedException,
  ResourceNotFoundException,
  UpdateAliasCommand,
  type UpdateAliasCommandInput,
} from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, expectValidationError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { createAliasOn, ordersWithVersions, UUID, weightViolation } from './alias-helpers';

const STALE = 'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id';

describe('UpdateAlias', () => {
  const mock = useMockLambda();
  const update = (input: Partial<UpdateAliasCommandInput> = {}) =>
    mock.client.send(new UpdateAliasCommand({ FunctionName: 'orders', Name: 'live', ...input }));
  let created: Awaited<ReturnType<typeof createAliasOn>>;
  beforeEach(async () => {
    await ordersWithVersions(mock, 3);
    created = await createAliasOn(mock, { Description: 'first' });
  });

  test('points the alias to another version: 200, a new RevisionId, the rest kept', async () => {
    const { $metadata, ...alias } = await update({ FunctionVersion: '2' });
    expect($metadata.httpStatusCode).toBe(200);
    expect(alias).toEqual({ ...created, $metadata: undefined, FunctionVersion: '2', RevisionId: expect.stringMatching(UUID) });
    expect(alias.RevisionId).not.toBe(created.RevisionId);
    expect((await mock.client.send(new GetAliasCommand({ FunctionName: 'orders', Name: 'live' }))).RevisionId).toBe(alias.RevisionId);
  });

  test('every update changes the RevisionId, even one that changes nothing', async () => {
    const first = await update({});
    const second = await update({ Description: 'first' });
    expect(new Set([created.RevisionId, first.RevisionId, second.RevisionId]).size).toBe(3);
    expect(second).toMatchObject({ FunctionVersion: '1', Description: 'first' });
  });

  test('with the current RevisionId it applies; with a stale one it answers 412 and changes nothing', async () => {
    const updated = await update({ FunctionVersion: '3', RevisionId: created.RevisionId });
    const before = settledState(mock.lambda);
    await expectServiceError(update({ FunctionVersion: '2', RevisionId: created.RevisionId }), PreconditionFailedException, 412, STALE);
    expect(storedState(mock.lambda)).toEqual(before);
    expect((await update({ Description: 'again', RevisionId: updated.RevisionId })).Description).toBe('again');
  });

  test('routing: set, replaced, kept when only the version changes, removed by empty weights', async () => {
    expect((await update({ FunctionVersion: '2', RoutingConfig: { AdditionalVersionWeights: { '1': 0.3 } } })).RoutingConfig).toEqual({
      AdditionalVersionWeights: { '1': 0.3 },
    });
    expect((await update({ FunctionVersion: '3' })).RoutingConfig).toEqual({ AdditionalVersionWeights: { '1': 0.3 } });
    expect((await update({ RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } })).RoutingConfig).toEqual({ AdditionalVersionWeights: { '2': 0.5 } });
    expect(await update({ RoutingConfig: { AdditionalVersionWeights: {} } })).not.toHaveProperty('RoutingConfig');
  });

  test('the routing rules hold against the new primary version', async () => {
    await update({ FunctionVersion: '2', RoutingConfig: { AdditionalVersionWeights: { '1': 0.3 } } });
    await expectServiceError(
      update({ FunctionVersion: '1' }),
      InvalidParameterValueException,
      400,
      'Invalid function version 1. Function version 1 is already included in routing configuration.',
    );
    await expectServiceError(update({ FunctionVersion: '$LATEST' }), InvalidParameterValueException, 400, '$LATEST is not supported for an alias pointing to more than 1 version');
    await expectValidationError(update({ RoutingConfig: { AdditionalVersionWeights: { '1': 2 } } }), weightViolation('1=2', 'Member must have value less than or equal to 1.0'));
  });

  test('an unknown version, alias or function is the service 404', async () => {
    await expectServiceError(update({ FunctionVersion: '8' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '8')}`);
    await expectServiceError(update({ Name: 'beta' }), ResourceNotFoundException, 404, `Alias not found: ${arnOf('orders', 'beta')}`);
    await expectServiceError(update({ FunctionName: 'nope' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('nope')}`);
  });
});
