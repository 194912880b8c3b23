import {
  InvalidParameterValueException,
  PreconditionFailedException,
  ResourceNotFoundException,
  UpdateFunctionConfigurationCommand,
  type UpdateFunctionConfigurationCommandInput,
} from '@aws-sdk/client-lambda';
import {
  arnOf,
  expectServiceError,
  expectValidationError,
  LAMBDA_TIMESTAMP,
  ROLE,
  settledState,
  storedState,
  useMockLambda,
} from '../../helpers/fixtures';

describe('UpdateFunctionConfiguration', () => {
  const mock = useMockLambda();
  const update = (input: Omit<UpdateFunctionConfigurationCommandInput, 'FunctionName'>, name = 'orders') =>
    mock.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, ...input }));
  const revision = async () => (await mock.get('orders')).Configuration?.RevisionId;

  beforeEach(async () => {
    await mock.create('orders', { Environment: { Variables: { STAGE: 'prod', REGION_HINT: 'east' } } });
  });

  test('answers 200 with the new settings and LastUpdateStatus InProgress, then Successful on the next read', async () => {
    const before = await revision();
    const answer = await update({ Timeout: 30, MemorySize: 1024, Description: 'orders API', Environment: { Variables: { STAGE: 'dev' } } });
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(answer).toMatchObject({
      FunctionArn: arnOf('orders'),
      Timeout: 30,
      MemorySize: 1024,
      Description: 'orders API',
      Environment: { Variables: { STAGE: 'dev' } },
      State: 'Active',
      LastUpdateStatus: 'InProgress',
      LastUpdateStatusReason: 'The function is being created.',
      LastUpdateStatusReasonCode: 'Creating',
    });
    expect(answer.RevisionId).not.toBe(before);
    expect(answer.LastModified).toMatch(LAMBDA_TIMESTAMP);

    const { Configuration } = await mock.get('orders');
    expect(Configuration).toMatchObject({ Timeout: 30, MemorySize: 1024, Description: 'orders API', LastUpdateStatus: 'Successful' });
    expect(Configuration?.Environment).toEqual({ Variables: { STAGE: 'dev' } });
    expect(Configuration).not.toHaveProperty('LastUpdateStatusReason');
  });

  test('keeps the members a request leaves out', async () => {
    await update({ Timeout: 10 });
    await update({ MemorySize: 256 });
    expect((await mock.get('orders')).Configuration).toMatchObject({
      Timeout: 10,
      MemorySize: 256,
      Role: ROLE,
      Handler: 'index.handler',
      Environment: { Variables: { STAGE: 'prod', REGION_HINT: 'east' } },
    });
  });

  test('changes the RevisionId on every real change, a Description alone included', async () => {
    const revisions = [await revision()];
    for (const change of [{ Timeout: 5 }, { Description: 'new' }, { Handler: 'main.handler' }]) {
      revisions.push((await update(change)).RevisionId);
    }
    expect(new Set(revisions).size).toBe(4);
  });

  test.each([
    ['values it already has', { Timeout: 3, MemorySize: 128, Description: '' }],
    ['the same environment variables in another order', { Environment: { Variables: { REGION_HINT: 'east', STAGE: 'prod' } } }],
    ['nothing at all', {}],
  ])('keeps the RevisionId and LastModified when given %s', async (_what, change) => {
    const { Configuration: before } = await mock.get('orders');
    const answer = await update(change);
    expect(answer).toMatchObject({ RevisionId: before?.RevisionId, LastModified: before?.LastModified, LastUpdateStatus: 'Successful' });
    expect((await mock.get('orders')).Configuration).toEqual(before);
  });

  test('accepts the current RevisionId and refuses a stale one with 412, leaving lambda.state as it was', async () => {
    const stale = await revision();
    await update({ Timeout: 20, RevisionId: stale });
    const before = settledState(mock.lambda);

    await expectServiceError(
      update({ Timeout: 60, RevisionId: stale }),
      PreconditionFailedException,
      412,
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
    );
    expect(storedState(mock.lambda)).toEqual(before);
    expect((await mock.get('orders')).Configuration?.Timeout).toBe(20);
  });

  test('refuses Timeout: 0 with a ValidationException', async () => {
    await expectValidationError(
      update({ Timeout: 0 }),
      "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  test('refuses a blocked runtime and reserved environment keys', async () => {
    await expectServiceError(
      update({ Runtime: 'python3.7' }),
      InvalidParameterValueException,
      400,
      'The runtime parameter of python3.7 is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.',
    );
    await expectServiceError(
      update({ Environment: { Variables: { LAMBDA_TASK_ROOT: '/tmp' } } }),
      InvalidParameterValueException,
      400,
      'Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: LAMBDA_TASK_ROOT',
    );
    expect((await mock.get('orders')).Configuration).toMatchObject({ Runtime: 'nodejs22.x', Environment: { Variables: { STAGE: 'prod' } } });
  });

  test('answers 404 for an unknown function', async () => {
    await expectServiceError(update({ Timeout: 5 }, 'missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
  });
});
