import { PreconditionFailedException, RemovePermissionCommand, ResourceNotFoundException, type RemovePermissionCommandInput } from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { addPermissionOn, policyOf, STALE } from './policy-helpers';

describe('RemovePermission', () => {
  const mock = useMockLambda();
  const remove = (input: Partial<RemovePermissionCommandInput> = {}) =>
    mock.client.send(new RemovePermissionCommand({ FunctionName: 'orders', StatementId: 's3', ...input }));
  beforeEach(async () => {
    await mock.create('orders', { Publish: true });
    await addPermissionOn(mock);
    await addPermissionOn(mock, { StatementId: 'sns', Principal: 'sns.amazonaws.com' });
  });

  test('removes one statement (204) and gives the function a new RevisionId', async () => {
    const before = (await policyOf(mock)).RevisionId;
    expect((await remove()).$metadata.httpStatusCode).toBe(204);
    const { document, RevisionId } = await policyOf(mock);
    expect(document.Statement.map((s) => s.Sid)).toEqual(['sns']);
    expect(RevisionId).not.toBe(before);
    expect((await mock.get('orders')).Configuration!.RevisionId).toBe(RevisionId);
  });

  test('the last statement takes the policy with it', async () => {
    await remove();
    await remove({ StatementId: 'sns' });
    await expectServiceError(policyOf(mock), ResourceNotFoundException, 404, 'The resource you requested does not exist.');
    await expectServiceError(remove({ StatementId: 'sns' }), ResourceNotFoundException, 404, 'No policy is associated with the given resource.');
  });

  test('an unknown statement, policy or function is the service 404', async () => {
    await expectServiceError(remove({ StatementId: 'sqs' }), ResourceNotFoundException, 404, 'Statement sqs is not found in resource policy.');
    await expectServiceError(remove({ Qualifier: '1' }), ResourceNotFoundException, 404, 'No policy is associated with the given resource.');
    await expectServiceError(remove({ Qualifier: 'beta' }), ResourceNotFoundException, 404, `Cannot find alias arn: ${arnOf('orders', 'beta')}`);
    await expectServiceError(remove({ FunctionName: 'nope' }), ResourceNotFoundException, 404, `No policy found for: ${arnOf('nope')}`);
  });

  test('a statement of a version is removed from that version only', async () => {
    await addPermissionOn(mock, { Qualifier: '1' });
    await remove({ Qualifier: '1' });
    expect((await policyOf(mock)).document.Statement.map((s) => s.Sid)).toEqual(['s3', 'sns']);
    await expectServiceError(policyOf(mock, '1'), ResourceNotFoundException, 404, 'The resource you requested does not exist.');
  });

  test('a stale RevisionId answers 412 and removes nothing; the current one applies', async () => {
    const before = settledState(mock.lambda);
    await expectServiceError(remove({ RevisionId: 'a-stale-revision' }), PreconditionFailedException, 412, STALE);
    expect(storedState(mock.lambda)).toEqual(before);
    await remove({ RevisionId: (await policyOf(mock)).RevisionId });
    expect((await policyOf(mock)).document.Statement.map((s) => s.Sid)).toEqual(['sns']);
  });
});
