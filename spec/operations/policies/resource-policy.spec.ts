import {
  CreateAliasCommand,
  DeleteResourcePolicyCommand,
  GetResourcePolicyCommand,
  InvalidParameterValueException,
  PreconditionFailedException,
  PutResourcePolicyCommand,
  RemovePermissionCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, expectValidationError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { addPermissionOn, policyOf, STALE } from './policy-helpers';

const ARN_PATTERN =
  '^arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:function:[a-zA-Z0-9-_]+(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_])+)?$';
const REVISION_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** A policy of the kind PutResourcePolicy exists for: beyond what AddPermission can write (a Deny, a list of actions). */
const documentFor = (resource: string) => ({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllowAccount', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['lambda:InvokeFunction', 'lambda:GetFunction'], Resource: resource },
    { Sid: 'DenyOutsideVpc', Effect: 'Deny', Principal: '*', Action: 'lambda:InvokeFunction', Resource: resource, Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-1a2b3c' } } },
  ],
});

describe('GetResourcePolicy, PutResourcePolicy, DeleteResourcePolicy', () => {
  const mock = useMockLambda();
  const put = (resourceArn: string, policy: unknown, revisionId?: string) =>
    mock.client.send(new PutResourcePolicyCommand({ ResourceArn: resourceArn, Policy: typeof policy === 'string' ? policy : JSON.stringify(policy), RevisionId: revisionId }));
  const get = (resourceArn: string) => mock.client.send(new GetResourcePolicyCommand({ ResourceArn: resourceArn }));
  const remove = (resourceArn: string, revisionId?: string) => mock.client.send(new DeleteResourcePolicyCommand({ ResourceArn: resourceArn, RevisionId: revisionId }));
  beforeEach(async () => {
    await mock.create('orders', { Publish: true });
  });

  test('PutResourcePolicy stores a whole document and answers it with a new RevisionId (200); GetResourcePolicy reads it', async () => {
    const document = documentFor(arnOf('orders'));
    const { $metadata, Policy, RevisionId } = await put(arnOf('orders'), document);
    expect($metadata.httpStatusCode).toBe(200);
    expect(JSON.parse(Policy!)).toEqual(document);
    expect(RevisionId).toBe((await mock.get('orders')).Configuration!.RevisionId);
    const read = await get(arnOf('orders'));
    expect({ status: read.$metadata.httpStatusCode, Policy: read.Policy, RevisionId: read.RevisionId }).toEqual({ status: 200, Policy, RevisionId });
  });

  test('they address the same policy as AddPermission, GetPolicy and RemovePermission', async () => {
    await addPermissionOn(mock);
    expect(JSON.parse((await get(arnOf('orders'))).Policy!)).toEqual((await policyOf(mock)).document);
    // Put replaces everything, statements AddPermission added included.
    await put(arnOf('orders'), documentFor(arnOf('orders')));
    expect((await policyOf(mock)).document.Statement.map((s) => s.Sid)).toEqual(['AllowAccount', 'DenyOutsideVpc']);
    // AddPermission appends to what Put left; RemovePermission removes a put statement by its Sid.
    await addPermissionOn(mock);
    await mock.client.send(new RemovePermissionCommand({ FunctionName: 'orders', StatementId: 'DenyOutsideVpc' }));
    expect(JSON.parse((await get(arnOf('orders'))).Policy!).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['AllowAccount', 's3']);
  });

  test('a version or alias ARN addresses that version or alias only', async () => {
    await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
    await put(arnOf('orders', 'live'), documentFor(arnOf('orders', 'live')));
    await put(arnOf('orders', '1'), documentFor(arnOf('orders', '1')));
    expect((await policyOf(mock, 'live')).document.Statement[0]!.Resource).toBe(arnOf('orders', 'live'));
    expect((await policyOf(mock, '1')).document.Statement[0]!.Resource).toBe(arnOf('orders', '1'));
    await expectServiceError(get(arnOf('orders')), ResourceNotFoundException, 404, 'The resource you requested does not exist.');
  });

  test('DeleteResourcePolicy removes the whole policy (204)', async () => {
    await addPermissionOn(mock);
    await addPermissionOn(mock, { StatementId: 'sns', Principal: 'sns.amazonaws.com' });
    expect((await remove(arnOf('orders'))).$metadata.httpStatusCode).toBe(204);
    await expectServiceError(get(arnOf('orders')), ResourceNotFoundException, 404, 'The resource you requested does not exist.');
    await expectServiceError(remove(arnOf('orders')), ResourceNotFoundException, 404, 'No policy is associated with the given resource.');
  });

  test('RevisionId: the current one applies, a stale one answers 412 and changes nothing', async () => {
    const { RevisionId } = await put(arnOf('orders'), documentFor(arnOf('orders')));
    const stale = (await mock.get('orders', '1')).Configuration!.RevisionId!;
    const before = settledState(mock.lambda);
    await expectServiceError(put(arnOf('orders'), documentFor(arnOf('orders')), stale), PreconditionFailedException, 412, STALE);
    await expectServiceError(remove(arnOf('orders'), stale), PreconditionFailedException, 412, STALE);
    expect(storedState(mock.lambda)).toEqual(before);
    const replaced = await put(arnOf('orders'), documentFor(arnOf('orders')), RevisionId);
    expect((await remove(arnOf('orders'), replaced.RevisionId)).$metadata.httpStatusCode).toBe(204);
  });

  test('a document that is not a JSON object with statements is refused', async () => {
    await expectServiceError(put(arnOf('orders'), '{"Statement": ['), InvalidParameterValueException, 400, 'The policy document is not valid JSON.');
    await expectServiceError(put(arnOf('orders'), '[1]'), InvalidParameterValueException, 400, 'The policy document is not valid JSON.');
    await expectServiceError(put(arnOf('orders'), { Version: '2012-10-17', Statement: [] }), InvalidParameterValueException, 400, 'The policy document must contain at least one statement.');
    await expectServiceError(put(arnOf('orders'), { Statement: ['x'] }), InvalidParameterValueException, 400, 'The policy document must contain at least one statement.');
  });

  test('the model refuses an ARN that is not a complete function ARN, and a RevisionId that is no UUID', async () => {
    for (const resource of ['orders', `arn:aws:lambda:us-east-1:123456789012:layer:tools`]) {
      await expectValidationError(
        get(resource),
        `1 validation error detected: Value '${resource}' at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ARN_PATTERN}`,
      );
    }
    await expectValidationError(
      put(arnOf('orders'), documentFor(arnOf('orders')), 'stale'),
      "2 validation errors detected: Value 'stale' at 'revisionId' failed to satisfy constraint: Member must have length greater than or equal to 36; " +
        `Value 'stale' at 'revisionId' failed to satisfy constraint: Member must satisfy regular expression pattern: ${REVISION_PATTERN}`,
    );
    await expectValidationError(
      put(arnOf('orders'), ''),
      "2 validation errors detected: Value '' at 'policy' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '' at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\s\\S]+$",
    );
  });

  test('an unknown function, version or alias is the service 404', async () => {
    await expectServiceError(get(arnOf('nope')), ResourceNotFoundException, 404, `Function not found: ${arnOf('nope')}`);
    await expectServiceError(get(arnOf('orders', '5')), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '5')}`);
    await expectServiceError(put(arnOf('orders', 'beta'), documentFor('x')), ResourceNotFoundException, 404, `Cannot find alias arn: ${arnOf('orders', 'beta')}`);
  });
});
