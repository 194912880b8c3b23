import {
  CreateAliasCommand,
  InvalidParameterValueException,
  LambdaServiceException,
  PolicyLengthExceededException,
  PreconditionFailedException,
  ResourceConflictException,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import {
  ACCOUNT,
  arnOf,
  errorOf,
  expectNoPollution,
  expectServiceError,
  expectValidationError,
  oneViolation,
  settledState,
  storedState,
  useMockLambda,
} from '../../helpers/fixtures';
import { addPermissionOn, policyOf, STALE } from './policy-helpers';

describe('AddPermission', () => {
  const mock = useMockLambda();
  beforeEach(async () => {
    await mock.create('orders', { Publish: true });
  });

  test('answers 201 with the statement exactly as the service writes it', async () => {
    const { $metadata, Statement } = await addPermissionOn(mock, { SourceArn: 'arn:aws:s3:::orders-bucket', SourceAccount: ACCOUNT });
    expect($metadata.httpStatusCode).toBe(201);
    expect(Statement).toBe(
      `{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"${arnOf('orders')}",` +
        `"Condition":{"StringEquals":{"AWS:SourceAccount":"${ACCOUNT}"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::orders-bucket"}}}`,
    );
    expect((await policyOf(mock)).document).toEqual({ Version: '2012-10-17', Id: 'default', Statement: [JSON.parse(Statement!)] });
  });

  test('writes every condition member into Condition, in the order the service writes them', async () => {
    const { Statement } = await addPermissionOn(mock, {
      StatementId: 'everything',
      Principal: '*',
      Action: 'lambda:InvokeFunctionUrl',
      SourceArn: 'arn:aws:execute-api:us-east-1:123456789012:api/*',
      SourceAccount: ACCOUNT,
      EventSourceToken: 'alexa.token-1',
      PrincipalOrgID: 'o-abcdefghij',
      FunctionUrlAuthType: 'NONE',
      InvokedViaFunctionUrl: true,
    });
    expect(JSON.parse(Statement!)).toEqual({
      Sid: 'everything',
      Effect: 'Allow',
      Principal: '*',
      Action: 'lambda:InvokeFunctionUrl',
      Resource: arnOf('orders'),
      Condition: {
        StringEquals: {
          'lambda:FunctionUrlAuthType': 'NONE',
          'aws:PrincipalOrgID': 'o-abcdefghij',
          'AWS:SourceAccount': ACCOUNT,
          'lambda:EventSourceToken': 'alexa.token-1',
        },
        ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-1:123456789012:api/*' },
        Bool: { 'lambda:InvokedViaFunctionUrl': 'true' },
      },
    });
    expect(Object.keys(JSON.parse(Statement!).Condition.StringEquals)).toEqual([
      'lambda:FunctionUrlAuthType', 'aws:PrincipalOrgID', 'AWS:SourceAccount', 'lambda:EventSourceToken',
    ]);
  });

  test('writes each kind of principal as the service does, and refuses what is none', async () => {
    const principal = async (sid: string, value: string) => JSON.parse((await addPermissionOn(mock, { StatementId: sid, Principal: value })).Statement!).Principal;
    expect(await principal('account', '210987654321')).toEqual({ AWS: 'arn:aws:iam::210987654321:root' });
    expect(await principal('role', 'arn:aws:iam::210987654321:role/invoker')).toEqual({ AWS: 'arn:aws:iam::210987654321:role/invoker' });
    expect(await principal('everyone', '*')).toBe('*');
    expect(await principal('sns', 'sns.amazonaws.com')).toEqual({ Service: 'sns.amazonaws.com' });
    await expectServiceError(
      addPermissionOn(mock, { StatementId: 'bob', Principal: 'bob' }),
      InvalidParameterValueException,
      400,
      'The provided principal was invalid. Please check the principal and try again.',
    );
  });

  test('a duplicate StatementId is a conflict, and the policy is unchanged', async () => {
    await addPermissionOn(mock);
    const before = settledState(mock.lambda);
    await expectServiceError(
      addPermissionOn(mock, { Principal: 'sns.amazonaws.com' }),
      ResourceConflictException,
      409,
      'The statement id (s3) provided already exists. Please provide a new statement id, or remove the existing statement.',
    );
    expect(storedState(mock.lambda)).toEqual(before);
  });

  describe('Qualifier', () => {
    test('a version or alias has a policy of its own, whose statements name its ARN', async () => {
      await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
      const version = JSON.parse((await addPermissionOn(mock, { Qualifier: '1' })).Statement!);
      const alias = JSON.parse((await addPermissionOn(mock, { FunctionName: 'orders:live' })).Statement!);
      expect([version.Resource, alias.Resource]).toEqual([arnOf('orders', '1'), arnOf('orders', 'live')]);
      // The same StatementId in each: each policy is separate (unlike moto, which shares one).
      await addPermissionOn(mock);
      expect((await policyOf(mock)).document.Statement.map((s) => s.Resource)).toEqual([arnOf('orders')]);
      expect((await policyOf(mock, '1')).document.Statement.map((s) => s.Resource)).toEqual([arnOf('orders', '1')]);
      expect((await policyOf(mock, 'live')).document.Statement.map((s) => s.Resource)).toEqual([arnOf('orders', 'live')]);
    });

    test('$LATEST is refused; an unknown version or alias is the service 404', async () => {
      await expectServiceError(addPermissionOn(mock, { Qualifier: '$LATEST' }), InvalidParameterValueException, 400, 'We currently do not support adding policies for $LATEST.');
      await expectServiceError(addPermissionOn(mock, { Qualifier: '9' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '9')}`);
      await expectServiceError(addPermissionOn(mock, { Qualifier: 'beta' }), ResourceNotFoundException, 404, `Cannot find alias arn: ${arnOf('orders', 'beta')}`);
      await expectServiceError(addPermissionOn(mock, { FunctionName: 'nope' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('nope')}`);
    });
  });

  describe('RevisionId', () => {
    test("is the function's: the current one applies, a stale one answers 412, and each permission changes it", async () => {
      const current = (await mock.get('orders')).Configuration!.RevisionId!;
      await addPermissionOn(mock, { RevisionId: current });
      const { RevisionId: afterAdd } = await policyOf(mock);
      expect(afterAdd).not.toBe(current);
      expect((await mock.get('orders')).Configuration!.RevisionId).toBe(afterAdd);
      const before = settledState(mock.lambda);
      await expectServiceError(addPermissionOn(mock, { StatementId: 'again', RevisionId: current }), PreconditionFailedException, 412, STALE);
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test("of a version's policy is that version's", async () => {
      const version = (await mock.get('orders', '1')).Configuration!.RevisionId!;
      await addPermissionOn(mock, { Qualifier: '1', RevisionId: version });
      const { RevisionId } = await policyOf(mock, '1');
      expect((await mock.get('orders', '1')).Configuration!.RevisionId).toBe(RevisionId);
      expect(RevisionId).not.toBe(version);
    });
  });

  test('statement ids such as __proto__ and constructor are ordinary and pollute nothing', async () => {
    const before = Reflect.ownKeys(Object.prototype);
    await addPermissionOn(mock, { StatementId: '__proto__' });
    await addPermissionOn(mock, { StatementId: 'constructor' });
    expect((await policyOf(mock)).document.Statement.map((s) => s.Sid)).toEqual(['__proto__', 'constructor']);
    expectNoPollution(before);
  });

  test('a policy over 20 KB answers PolicyLengthExceededException and keeps what it had', async () => {
    const longArn = `arn:aws:s3:::${'b'.repeat(180)}`;
    let error: Error & Record<string, any> | undefined;
    let added = 0;
    for (; added < 200 && !error; added++) {
      error = await addPermissionOn(mock, { StatementId: `statement-${added}`, SourceArn: longArn }).then(() => undefined, (e: unknown) => e as Error & Record<string, any>);
    }
    expect(error).toBeInstanceOf(PolicyLengthExceededException);
    expect(error!.message).toMatch(/^The final policy size \(\d+\) is bigger than the limit \(20480\)\.$/);
    expect(Number(/\((\d+)\)/.exec(error!.message)![1])).toBeGreaterThan(20480);
    const { text, document } = await policyOf(mock);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20480);
    expect(document.Statement).toHaveLength(added - 1);
  });

  test('the model refuses a bad StatementId, Action or Principal', async () => {
    await expectValidationError(addPermissionOn(mock, { StatementId: 'a b' }), oneViolation('a b', 'statementId', 'Member must satisfy regular expression pattern: ^([a-zA-Z0-9-_]+)$'));
    await expectValidationError(
      addPermissionOn(mock, { Action: 'invoke' }),
      oneViolation('invoke', 'action', 'Member must satisfy regular expression pattern: ^(lambda:[*]|lambda:[a-zA-Z]+|[*])$'),
    );
    const error = await errorOf(addPermissionOn(mock, { Principal: 'a b' }));
    expect(error).toBeInstanceOf(LambdaServiceException);
    expect(error.message).toBe(oneViolation('a b', 'principal', 'Member must satisfy regular expression pattern: ^[^\\s]+$'));
  });
});
