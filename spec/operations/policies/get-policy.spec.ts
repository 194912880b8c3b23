import { CreateAliasCommand, GetAliasCommand, GetPolicyCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, useMockLambda } from '../../helpers/fixtures';
import { addPermissionOn, policyOf } from './policy-helpers';

describe('GetPolicy', () => {
  const mock = useMockLambda();
  beforeEach(async () => {
    await mock.create('orders', { Publish: true });
  });

  test('answers the policy as a JSON document, written as the service writes it, with the RevisionId', async () => {
    await addPermissionOn(mock, { StatementId: 'xaccount', Principal: '210987654321' });
    const { $metadata, Policy, RevisionId } = await mock.client.send(new GetPolicyCommand({ FunctionName: 'orders' }));
    expect($metadata.httpStatusCode).toBe(200);
    expect(Policy).toBe(
      `{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"xaccount","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},` +
        `"Action":"lambda:InvokeFunction","Resource":"${arnOf('orders')}"}]}`,
    );
    expect(RevisionId).toBe((await mock.get('orders')).Configuration!.RevisionId);
  });

  test('a Qualifier of $LATEST reads the function policy', async () => {
    await addPermissionOn(mock);
    expect((await policyOf(mock, '$LATEST')).text).toBe((await policyOf(mock)).text);
  });

  test("an alias's policy reports the alias's RevisionId", async () => {
    await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
    await addPermissionOn(mock, { Qualifier: 'live' });
    const { RevisionId } = await policyOf(mock, 'live');
    expect((await mock.client.send(new GetAliasCommand({ FunctionName: 'orders', Name: 'live' }))).RevisionId).toBe(RevisionId);
  });

  test('no policy, or a qualifier without one, is the service 404; so is an unknown function', async () => {
    await expectServiceError(policyOf(mock), ResourceNotFoundException, 404, 'The resource you requested does not exist.');
    await addPermissionOn(mock, { Qualifier: '1' });
    await expectServiceError(policyOf(mock), ResourceNotFoundException, 404, 'The resource you requested does not exist.');
    await expectServiceError(policyOf(mock, '2'), ResourceNotFoundException, 404, 'The resource you requested does not exist.');
    await expectServiceError(policyOf(mock, undefined, 'nope'), ResourceNotFoundException, 404, `Function not found: ${arnOf('nope')}`);
  });
});
