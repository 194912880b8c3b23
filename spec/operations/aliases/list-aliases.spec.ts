import { InvalidParameterValueException, ListAliasesCommand, ResourceNotFoundException, type ListAliasesCommandInput } from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, expectValidationError, useMockLambda } from '../../helpers/fixtures';
import { createAliasOn, ordersWithVersions } from './alias-helpers';

describe('ListAliases', () => {
  const mock = useMockLambda();
  const list = (input: Partial<ListAliasesCommandInput> = {}) => mock.client.send(new ListAliasesCommand({ FunctionName: 'orders', ...input }));
  beforeEach(async () => {
    await ordersWithVersions(mock, 2);
    for (const [name, version] of [['prod', '2'], ['beta', '1'], ['dev', '$LATEST'], ['canary', '2']] as const) {
      await createAliasOn(mock, { Name: name, FunctionVersion: version });
    }
  });

  test('lists every alias by name, as GetAlias answers them', async () => {
    const { Aliases, NextMarker } = await list();
    expect(Aliases?.map((a) => a.Name)).toEqual(['beta', 'canary', 'dev', 'prod']);
    expect(Aliases?.[0]).toEqual({ AliasArn: arnOf('orders', 'beta'), Name: 'beta', FunctionVersion: '1', Description: '', RevisionId: expect.any(String) });
    expect(NextMarker).toBeUndefined();
  });

  test('FunctionVersion keeps the aliases pointing to that version', async () => {
    expect((await list({ FunctionVersion: '2' })).Aliases?.map((a) => a.Name)).toEqual(['canary', 'prod']);
    expect((await list({ FunctionVersion: '$LATEST' })).Aliases?.map((a) => a.Name)).toEqual(['dev']);
    expect((await list({ FunctionVersion: '7' })).Aliases).toEqual([]);
  });

  test('pages with MaxItems and Marker', async () => {
    const first = await list({ MaxItems: 3 });
    expect(first.Aliases?.map((a) => a.Name)).toEqual(['beta', 'canary', 'dev']);
    const second = await list({ MaxItems: 3, Marker: first.NextMarker });
    expect(second.Aliases?.map((a) => a.Name)).toEqual(['prod']);
    expect(second.NextMarker).toBeUndefined();
    await expectServiceError(list({ Marker: 'garbage' }), InvalidParameterValueException, 400, 'Invalid Marker.');
    await expectValidationError(list({ MaxItems: 0 }), "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1");
  });

  test('a function without aliases lists none; an unknown function is the service 404', async () => {
    await mock.create('plain');
    expect((await list({ FunctionName: 'plain' })).Aliases).toEqual([]);
    await expectServiceError(list({ FunctionName: 'nope' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('nope')}`);
  });
});
