import {
  AddLayerVersionPermissionCommand,
  GetLayerVersionPolicyCommand,
  PreconditionFailedException,
  RemoveLayerVersionPermissionCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  type AddLayerVersionPermissionCommandInput,
} from '@aws-sdk/client-lambda';
import { expectNoPollution, expectServiceError, expectValidationError, oneViolation, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { layerArnOf, publishLayer } from './layer-helpers';

const STALE = 'The Revision Id provided does not match the latest Revision Id. Call the GetLayerPolicy API to retrieve the latest Revision Id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('AddLayerVersionPermission, RemoveLayerVersionPermission, GetLayerVersionPolicy', () => {
  const mock = useMockLambda();
  const add = (input: Partial<AddLayerVersionPermissionCommandInput> = {}) =>
    mock.client.send(
      new AddLayerVersionPermissionCommand({ LayerName: 'tools', VersionNumber: 1, StatementId: 'xaccount', Action: 'lambda:GetLayerVersion', Principal: '210987654321', ...input }),
    );
  const remove = (statementId: string, revisionId?: string, version = 1) =>
    mock.client.send(new RemoveLayerVersionPermissionCommand({ LayerName: 'tools', VersionNumber: version, StatementId: statementId, RevisionId: revisionId }));
  const policy = (version = 1, layerName = 'tools') => mock.client.send(new GetLayerVersionPolicyCommand({ LayerName: layerName, VersionNumber: version }));
  beforeEach(async () => {
    await publishLayer(mock, 'tools');
    await publishLayer(mock, 'tools');
  });

  test('grants an account: 201 with the statement as the service writes it and the policy RevisionId', async () => {
    const { $metadata, Statement, RevisionId } = await add();
    expect($metadata.httpStatusCode).toBe(201);
    expect(Statement).toBe(
      `{"Sid":"xaccount","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"lambda:GetLayerVersion","Resource":"${layerArnOf('tools', 1)}"}`,
    );
    expect(RevisionId).toMatch(UUID);
    const read = await policy();
    expect(read.Policy).toBe(`{"Version":"2012-10-17","Id":"default","Statement":[${Statement}]}`);
    expect(read.RevisionId).toBe(RevisionId);
  });

  test('grants everyone, or an organization with OrganizationId', async () => {
    expect(JSON.parse((await add({ StatementId: 'public', Principal: '*' })).Statement!).Principal).toBe('*');
    expect(JSON.parse((await add({ StatementId: 'org', Principal: '*', OrganizationId: 'o-abcdefghij' })).Statement!)).toEqual({
      Sid: 'org',
      Effect: 'Allow',
      Principal: '*',
      Action: 'lambda:GetLayerVersion',
      Resource: layerArnOf('tools', 1),
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } },
    });
    expect(JSON.parse((await policy()).Policy!).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['public', 'org']);
  });

  test('each version has its own policy', async () => {
    await add({ VersionNumber: 2 });
    await expectServiceError(policy(1), ResourceNotFoundException, 404, 'No policy is associated with the given resource.');
    expect(JSON.parse((await policy(2)).Policy!).Statement[0].Resource).toBe(layerArnOf('tools', 2));
  });

  test('a duplicate StatementId is a conflict; a stale RevisionId answers 412; neither changes anything', async () => {
    const { RevisionId } = await add();
    const before = settledState(mock.lambda);
    await expectServiceError(
      add({ Principal: '*' }),
      ResourceConflictException,
      409,
      'The statement id (xaccount) provided already exists. Please provide a new statement id, or remove the existing statement.',
    );
    await expectServiceError(add({ StatementId: 'other', RevisionId: '11111111-2222-3333-4444-555555555555' }), PreconditionFailedException, 412, STALE);
    expect(storedState(mock.lambda)).toEqual(before);
    const next = await add({ StatementId: 'other', RevisionId });
    expect(next.RevisionId).not.toBe(RevisionId);
  });

  test('RemoveLayerVersionPermission removes a statement (204) with a new RevisionId; the last one removes the policy', async () => {
    const first = await add();
    await add({ StatementId: 'public', Principal: '*' });
    const { RevisionId } = await policy();
    expect(RevisionId).not.toBe(first.RevisionId);
    expect((await remove('xaccount', RevisionId)).$metadata.httpStatusCode).toBe(204);
    const after = await policy();
    expect(JSON.parse(after.Policy!).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['public']);
    expect(after.RevisionId).not.toBe(RevisionId);
    await remove('public');
    await expectServiceError(policy(), ResourceNotFoundException, 404, 'No policy is associated with the given resource.');
  });

  test('RemoveLayerVersionPermission: a stale RevisionId answers 412, an unknown statement 404', async () => {
    await add();
    await expectServiceError(remove('xaccount', '11111111-2222-3333-4444-555555555555'), PreconditionFailedException, 412, STALE);
    await expectServiceError(remove('nope'), ResourceNotFoundException, 404, 'Statement nope is not found in resource policy.');
    await expectServiceError(remove('xaccount', undefined, 2), ResourceNotFoundException, 404, 'Statement xaccount is not found in resource policy.');
  });

  test('an unknown layer or version is the service 404 naming the version ARN', async () => {
    const missing = (name: string, version: number) => `Layer version ${layerArnOf(name, version)} does not exist.`;
    await expectServiceError(add({ VersionNumber: 3 }), ResourceNotFoundException, 404, missing('tools', 3));
    await expectServiceError(add({ LayerName: 'nope' }), ResourceNotFoundException, 404, missing('nope', 1));
    await expectServiceError(remove('xaccount', undefined, 9), ResourceNotFoundException, 404, missing('tools', 9));
    await expectServiceError(policy(1, layerArnOf('nope')), ResourceNotFoundException, 404, missing('nope', 1));
  });

  test('the model allows only lambda:GetLayerVersion, and an account, * or an account root as principal', async () => {
    await expectValidationError(add({ Action: 'lambda:InvokeFunction' }), oneViolation('lambda:InvokeFunction', 'action', 'Member must satisfy regular expression pattern: ^lambda:GetLayerVersion$'));
    await expectValidationError(
      add({ Principal: 'someone' }),
      oneViolation('someone', 'principal', 'Member must satisfy regular expression pattern: ^\\d{12}|\\*|arn:(aws[a-zA-Z-]*):iam::\\d{12}:root$'),
    );
    expect(JSON.parse((await add({ StatementId: 'root', Principal: 'arn:aws:iam::210987654321:root' })).Statement!).Principal).toEqual({
      AWS: 'arn:aws:iam::210987654321:root',
    });
  });

  test('statement ids such as __proto__ are ordinary and pollute nothing', async () => {
    const before = Reflect.ownKeys(Object.prototype);
    await add({ StatementId: '__proto__' });
    await add({ StatementId: 'constructor', Principal: '*' });
    await remove('__proto__');
    expect(JSON.parse((await policy()).Policy!).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['constructor']);
    expectNoPollution(before);
  });
});
