import {
  InvalidParameterValueException,
  ListVersionsByFunctionCommand,
  PreconditionFailedException,
  ResourceNotFoundException,
  UpdateFunctionCodeCommand,
  type UpdateFunctionCodeCommandInput,
} from '@aws-sdk/client-lambda';
import {
  arnOf,
  expectServiceError,
  LAMBDA_TIMESTAMP,
  sha256Base64,
  settledState,
  storedState,
  useMockLambda,
  zipOf,
} from '../../helpers/fixtures';

const STALE_REVISION =
  'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id';

describe('UpdateFunctionCode', () => {
  const mock = useMockLambda();
  const update = (input: Omit<UpdateFunctionCodeCommandInput, 'FunctionName'>, name = 'orders') =>
    mock.client.send(new UpdateFunctionCodeCommand({ FunctionName: name, ...input }));
  const newZip = zipOf('exports.handler = async () => "new";');
  let original: { CodeSha256?: string; RevisionId?: string };

  beforeEach(async () => {
    await mock.create('orders');
    original = (await mock.get('orders')).Configuration!;
  });

  test('answers 200 with the new code, a new RevisionId and LastUpdateStatus InProgress', async () => {
    const answer = await update({ ZipFile: newZip });
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(answer).toMatchObject({
      FunctionArn: arnOf('orders'),
      Version: '$LATEST',
      CodeSha256: sha256Base64(newZip),
      CodeSize: newZip.byteLength,
      State: 'Active',
      LastUpdateStatus: 'InProgress',
      LastUpdateStatusReason: 'The function is being created.',
      LastUpdateStatusReasonCode: 'Creating',
    });
    expect(answer.CodeSha256).not.toBe(original.CodeSha256);
    expect(answer.RevisionId).not.toBe(original.RevisionId);
    expect(answer.LastModified).toMatch(LAMBDA_TIMESTAMP);
  });

  test('is Successful with the new code on the next read', async () => {
    const answer = await update({ ZipFile: newZip });
    const { Configuration } = await mock.get('orders');
    expect(Configuration).toMatchObject({ CodeSha256: sha256Base64(newZip), LastUpdateStatus: 'Successful', LastModified: answer.LastModified });
    expect(Configuration).not.toHaveProperty('LastUpdateStatusReason');
    expect(Configuration).not.toHaveProperty('LastUpdateStatusReasonCode');
  });

  test('changes the RevisionId on every update', async () => {
    const revisions = [original.RevisionId];
    for (const source of ['a', 'b', 'c']) revisions.push((await update({ ZipFile: zipOf(source) })).RevisionId);
    expect(new Set(revisions).size).toBe(4);
  });

  test('accepts the current RevisionId and refuses a stale one with 412, changing nothing', async () => {
    const first = await update({ ZipFile: zipOf('first'), RevisionId: original.RevisionId });
    const before = settledState(mock.lambda);

    await expectServiceError(
      update({ ZipFile: newZip, RevisionId: original.RevisionId }),
      PreconditionFailedException,
      412,
      STALE_REVISION,
    );
    expect(storedState(mock.lambda)).toEqual(before);
    // The completed update gave `$LATEST` a new RevisionId of its own, as the service does.
    const current = (await mock.get('orders')).Configuration?.RevisionId;
    expect([original.RevisionId, first.RevisionId]).not.toContain(current);
  });

  test('with Publish: true answers the new version, which runs the new code', async () => {
    const answer = await update({ ZipFile: newZip, Publish: true });
    expect(answer).toMatchObject({ Version: '1', FunctionArn: arnOf('orders', '1'), CodeSha256: sha256Base64(newZip), State: 'Pending' });
    expect((await mock.get('orders', '1')).Configuration).toMatchObject({ CodeSha256: sha256Base64(newZip), State: 'Active' });
  });

  test('with DryRun changes nothing, even with Publish: true', async () => {
    const before = settledState(mock.lambda);
    const answer = await update({ ZipFile: newZip, DryRun: true, Publish: true });
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(answer.RevisionId).toBe(original.RevisionId);

    expect(storedState(mock.lambda)).toEqual(before);
    expect((await mock.get('orders')).Configuration).toMatchObject({ CodeSha256: original.CodeSha256, RevisionId: original.RevisionId });
    const { Versions } = await mock.client.send(new ListVersionsByFunctionCommand({ FunctionName: 'orders' }));
    expect(Versions?.map((v) => v.Version)).toEqual(['$LATEST']);
  });

  test('switches the architecture when asked', async () => {
    expect(await update({ ZipFile: newZip, Architectures: ['arm64'] })).toMatchObject({ Architectures: ['arm64'] });
    expect((await mock.get('orders')).Configuration?.Architectures).toEqual(['arm64']);
  });

  test('refuses a ZipFile that is not a zip, changing nothing', async () => {
    const before = settledState(mock.lambda);
    await expectServiceError(
      update({ ZipFile: new TextEncoder().encode('plain text') }),
      InvalidParameterValueException,
      400,
      'Could not unzip uploaded file. Please check your file, then try to upload again.',
    );
    expect(storedState(mock.lambda)).toEqual(before);
  });

  test('answers 404 for an unknown function', async () => {
    await expectServiceError(update({ ZipFile: newZip }, 'missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
  });
});
