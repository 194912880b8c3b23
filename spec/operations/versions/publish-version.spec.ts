import {
  InvalidParameterValueException,
  ListVersionsByFunctionCommand,
  PreconditionFailedException,
  PublishVersionCommand,
  ResourceNotFoundException,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type PublishVersionCommandInput,
} from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, LAMBDA_TIMESTAMP, sha256Base64, settledState, storedState, useMockLambda, zipOf } from '../../helpers/fixtures';

describe('PublishVersion', () => {
  const mock = useMockLambda();
  const publish = (input: Omit<PublishVersionCommandInput, 'FunctionName'> = {}, name = 'orders') =>
    mock.client.send(new PublishVersionCommand({ FunctionName: name, ...input }));
  const configure = (input: { Timeout?: number; Environment?: { Variables: Record<string, string> } }) =>
    mock.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', ...input }));
  const changeCode = (source: string) =>
    mock.client.send(new UpdateFunctionCodeCommand({ FunctionName: 'orders', ZipFile: zipOf(source) }));
  const versionsOf = async () =>
    (await mock.client.send(new ListVersionsByFunctionCommand({ FunctionName: 'orders' }))).Versions?.map((v) => v.Version);
  const zip = zipOf('exports.handler = async () => "v1";');

  beforeEach(async () => {
    await mock.create('orders', { Code: { ZipFile: zip } });
  });

  test('answers 201 with version 1: a Pending snapshot of $LATEST, Active on the next read', async () => {
    const { $metadata, ...version } = await publish();
    expect($metadata.httpStatusCode).toBe(201);
    const latest = (await mock.get('orders')).Configuration!;
    expect(version).toMatchObject({
      FunctionName: 'orders',
      FunctionArn: arnOf('orders', '1'),
      Version: '1',
      CodeSha256: sha256Base64(zip),
      CodeSize: zip.byteLength,
      Runtime: latest.Runtime,
      Timeout: latest.Timeout,
      State: 'Pending',
      StateReason: 'The function is being created.',
      StateReasonCode: 'Creating',
    });
    expect(version.LastModified).toMatch(LAMBDA_TIMESTAMP);
    expect(version.RevisionId).not.toBe(latest.RevisionId);

    const { Configuration } = await mock.get('orders', '1');
    expect(Configuration).toMatchObject({ Version: '1', State: 'Active', LastUpdateStatus: 'Successful' });
    expect(Configuration).not.toHaveProperty('StateReason');
  });

  test('numbers versions 1, 2, 3 as code and configuration change', async () => {
    const numbers = [(await publish()).Version];
    await changeCode('v2');
    numbers.push((await publish()).Version);
    await configure({ Timeout: 10 });
    numbers.push((await publish()).Version);
    expect(numbers).toEqual(['1', '2', '3']);
    expect(await versionsOf()).toEqual(['$LATEST', '1', '2', '3']);
    expect((await mock.get('orders', '3')).Configuration?.Timeout).toBe(10);
    expect((await mock.get('orders', '2')).Configuration?.Timeout).toBe(3);
  });

  test('with nothing changed answers the last version again and publishes none', async () => {
    const first = await publish();
    const before = settledState(mock.lambda);
    const again = await publish({ Description: 'ignored: nothing changed' });
    expect(again).toMatchObject({ Version: '1', FunctionArn: arnOf('orders', '1'), RevisionId: first.RevisionId, Description: '' });
    expect(await versionsOf()).toEqual(['$LATEST', '1']);
    expect(storedState(mock.lambda)).toEqual(before);
  });

  test('counts environment variables in another order as no change', async () => {
    await configure({ Environment: { Variables: { KEY_A: '1', KEY_B: '2' } } });
    await publish();
    await configure({ Environment: { Variables: { KEY_B: '2', KEY_A: '1' } } });
    expect((await publish()).Version).toBe('1');
  });

  test('takes Description for the version only', async () => {
    expect(await publish({ Description: 'release 1' })).toMatchObject({ Version: '1', Description: 'release 1' });
    expect((await mock.get('orders', '1')).Configuration?.Description).toBe('release 1');
    expect((await mock.get('orders')).Configuration?.Description).toBe('');
  });

  test('keeps a version as published after $LATEST changes', async () => {
    await publish();
    await changeCode('later');
    await configure({ Timeout: 60 });
    expect((await mock.get('orders', '1')).Configuration).toMatchObject({ CodeSha256: sha256Base64(zip), Timeout: 3 });
  });

  test('publishes only when CodeSha256 matches $LATEST', async () => {
    await expectServiceError(
      publish({ CodeSha256: 'AAAA' }),
      InvalidParameterValueException,
      400,
      `CodeSHA256 (AAAA) is different from current CodeSHA256 in $LATEST (${sha256Base64(zip)}). Please try again`,
    );
    expect(await versionsOf()).toEqual(['$LATEST']);
    expect((await publish({ CodeSha256: sha256Base64(zip) })).Version).toBe('1');
  });

  test('publishes only when RevisionId is current, else 412', async () => {
    const stale = (await mock.get('orders')).Configuration?.RevisionId;
    await configure({ Timeout: 10 });
    await expectServiceError(
      publish({ RevisionId: stale }),
      PreconditionFailedException,
      412,
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
    );
    expect(await versionsOf()).toEqual(['$LATEST']);
    const current = (await mock.get('orders')).Configuration?.RevisionId;
    expect((await publish({ RevisionId: current })).Version).toBe('1');
  });

  test('answers 404 for an unknown function', async () => {
    await expectServiceError(publish({}, 'missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
  });
});
