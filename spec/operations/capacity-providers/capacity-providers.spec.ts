import {
  CreateCapacityProviderCommand,
  DeleteCapacityProviderCommand,
  DeleteFunctionCommand,
  GetCapacityProviderCommand,
  InvalidParameterValueException,
  ListCapacityProvidersCommand,
  ListTagsCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateCapacityProviderCommand,
} from '@aws-sdk/client-lambda';
import { expectServiceError, expectValidationError, LAMBDA_TIMESTAMP, newClient, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { createProvider, onProvider, OPERATOR_ROLE, providerArn, providerInput, providerNotFound } from './capacity-provider-helpers';

describe('capacity providers', () => {
  const mock = useMockLambda();
  const get = (name: string) => mock.client.send(new GetCapacityProviderCommand({ CapacityProviderName: name }));
  const del = (name: string) => mock.client.send(new DeleteCapacityProviderCommand({ CapacityProviderName: name }));
  const list = (input: { State?: 'Pending' | 'Active' | 'Failed' | 'Deleting'; MaxItems?: number; Marker?: string } = {}) =>
    mock.client.send(new ListCapacityProvidersCommand(input));

  describe('CreateCapacityProvider', () => {
    test('answers 202 with the provider Pending, as given, with its ARN', async () => {
      const { $metadata, CapacityProvider } = await mock.client.send(
        new CreateCapacityProviderCommand(
          providerInput('fleet', {
            InstanceRequirements: { Architectures: ['arm64'] },
            CapacityProviderScalingConfig: { ScalingMode: 'Manual', MaxVCpuCount: 64 },
          }),
        ),
      );
      expect($metadata.httpStatusCode).toBe(202);
      expect(CapacityProvider).toEqual({
        CapacityProviderArn: providerArn('fleet'),
        State: 'Pending',
        VpcConfig: { SubnetIds: ['subnet-0123456789abcdef0'], SecurityGroupIds: ['sg-0123456789abcdef0'] },
        PermissionsConfig: { CapacityProviderOperatorRoleArn: OPERATOR_ROLE },
        InstanceRequirements: { Architectures: ['arm64'] },
        CapacityProviderScalingConfig: { ScalingMode: 'Manual', MaxVCpuCount: 64 },
        LastModified: expect.stringMatching(LAMBDA_TIMESTAMP),
      });
    });

    test('the provider is Active for every later command', async () => {
      await createProvider(mock.client, 'fleet');
      expect((await get('fleet')).CapacityProvider?.State).toBe('Active');
    });

    test('takes the name given as an ARN', async () => {
      await createProvider(mock.client, providerArn('fleet'));
      expect((await get('fleet')).CapacityProvider?.CapacityProviderArn).toBe(providerArn('fleet'));
    });

    test('refuses a second provider of the same name (409) and keeps the first', async () => {
      await createProvider(mock.client, 'fleet');
      const before = settledState(mock.lambda);
      await expectServiceError(
        createProvider(mock.client, 'fleet', { VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: [] } }),
        ResourceConflictException,
        409,
        `Capacity provider already exists: ${providerArn('fleet')}`,
      );
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('answers ValidationException for a VPC without subnets and for an operator role that is not a role ARN', async () => {
      await expectValidationError(
        createProvider(mock.client, 'fleet', { VpcConfig: { SubnetIds: [], SecurityGroupIds: [] } }),
        "1 validation error detected: Value '[]' at 'vpcConfig.subnetIds' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
      await expectValidationError(
        createProvider(mock.client, 'fleet', { PermissionsConfig: { CapacityProviderOperatorRoleArn: 'operator' } }),
        "1 validation error detected: Value 'operator' at 'permissionsConfig.capacityProviderOperatorRoleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$",
      );
    });

    test('records its tags, read and changed through ListTags, TagResource and UntagResource', async () => {
      const arn = await createProvider(mock.client, 'fleet', { Tags: { team: 'payments' } });
      expect((await mock.client.send(new ListTagsCommand({ Resource: arn }))).Tags).toEqual({ team: 'payments' });
      await mock.client.send(new TagResourceCommand({ Resource: arn, Tags: { env: 'test' } }));
      await mock.client.send(new UntagResourceCommand({ Resource: arn, TagKeys: ['team'] }));
      expect((await mock.client.send(new ListTagsCommand({ Resource: arn }))).Tags).toEqual({ env: 'test' });
    });

    test('tagging an unknown provider answers its 404', async () => {
      await expectServiceError(
        mock.client.send(new TagResourceCommand({ Resource: providerArn('missing'), Tags: { a: 'b' } })),
        ResourceNotFoundException,
        404,
        providerNotFound('missing'),
      );
    });
  });

  describe('GetCapacityProvider', () => {
    test('answers 200 with the provider, by name or by ARN', async () => {
      await createProvider(mock.client, 'fleet');
      const { $metadata, CapacityProvider } = await get('fleet');
      expect($metadata.httpStatusCode).toBe(200);
      expect(CapacityProvider).toMatchObject({ CapacityProviderArn: providerArn('fleet'), State: 'Active' });
      expect((await get(providerArn('fleet'))).CapacityProvider).toEqual(CapacityProvider);
    });

    test('answers 404 for an unknown provider, or an ARN of another region', async () => {
      await createProvider(mock.client, 'fleet');
      await expectServiceError(get('missing'), ResourceNotFoundException, 404, providerNotFound('missing'));
      await expectServiceError(get(providerArn('fleet', 'eu-west-1')), ResourceNotFoundException, 404, providerNotFound('fleet'));
    });
  });

  describe('UpdateCapacityProvider', () => {
    test('answers 202 with the new scaling configuration, keeping the rest', async () => {
      await createProvider(mock.client, 'fleet');
      const before = (await get('fleet')).CapacityProvider!;
      const { $metadata, CapacityProvider } = await mock.client.send(
        new UpdateCapacityProviderCommand({ CapacityProviderName: 'fleet', CapacityProviderScalingConfig: { ScalingMode: 'Auto', MaxVCpuCount: 8 } }),
      );
      expect($metadata.httpStatusCode).toBe(202);
      expect(CapacityProvider).toEqual({ ...before, CapacityProviderScalingConfig: { ScalingMode: 'Auto', MaxVCpuCount: 8 }, LastModified: expect.stringMatching(LAMBDA_TIMESTAMP) });
      expect((await get('fleet')).CapacityProvider).toEqual(CapacityProvider);
    });

    test('answers 404 for an unknown provider', async () => {
      await expectServiceError(
        mock.client.send(new UpdateCapacityProviderCommand({ CapacityProviderName: 'missing' })),
        ResourceNotFoundException,
        404,
        providerNotFound('missing'),
      );
    });
  });

  describe('DeleteCapacityProvider', () => {
    test('answers 202 with the provider Deleting, and it is gone', async () => {
      await createProvider(mock.client, 'fleet');
      const { $metadata, CapacityProvider } = await del('fleet');
      expect($metadata.httpStatusCode).toBe(202);
      expect(CapacityProvider).toMatchObject({ CapacityProviderArn: providerArn('fleet'), State: 'Deleting' });
      await expectServiceError(get('fleet'), ResourceNotFoundException, 404, providerNotFound('fleet'));
    });

    test('refuses a provider a function runs on (409), and allows it once the function is deleted', async () => {
      const arn = await createProvider(mock.client, 'fleet');
      await mock.create('orders', onProvider(arn));
      await expectServiceError(
        del('fleet'),
        ResourceConflictException,
        409,
        `Capacity provider ${arn} cannot be deleted because it is used by the following functions: [orders]`,
      );
      await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'orders' }));
      expect((await del('fleet')).CapacityProvider?.State).toBe('Deleting');
    });

    test('answers 404 for an unknown provider', async () => {
      await expectServiceError(del('missing'), ResourceNotFoundException, 404, providerNotFound('missing'));
    });
  });

  describe('ListCapacityProviders', () => {
    test('answers 200 with every provider in the order created', async () => {
      for (const name of ['b', 'a', 'c']) await createProvider(mock.client, name);
      const { $metadata, ...answer } = await list();
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer.CapacityProviders?.map((p) => [p.CapacityProviderArn, p.State])).toEqual([
        [providerArn('b'), 'Active'],
        [providerArn('a'), 'Active'],
        [providerArn('c'), 'Active'],
      ]);
      expect(answer.NextMarker).toBeUndefined();
    });

    test('filters by State', async () => {
      await createProvider(mock.client, 'fleet');
      expect((await list({ State: 'Active' })).CapacityProviders).toHaveLength(1);
      expect((await list({ State: 'Pending' })).CapacityProviders).toEqual([]);
    });

    test('pages with MaxItems and Marker, and refuses more than 50 per page', async () => {
      for (const name of ['a', 'b', 'c']) await createProvider(mock.client, name);
      const first = await list({ MaxItems: 2 });
      const rest = await list({ MaxItems: 2, Marker: first.NextMarker });
      expect([...first.CapacityProviders!, ...rest.CapacityProviders!].map((p) => p.CapacityProviderArn)).toEqual(['a', 'b', 'c'].map((n) => providerArn(n)));
      expect(rest.NextMarker).toBeUndefined();
      await expectValidationError(
        list({ MaxItems: 51 }),
        "1 validation error detected: Value '51' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 50",
      );
      await expectServiceError(list({ Marker: 'bogus' }), InvalidParameterValueException, 400, 'Invalid Marker.');
    });

    test('keeps each region to itself', async () => {
      await createProvider(mock.client, 'fleet');
      expect((await newClient('eu-west-1').send(new ListCapacityProvidersCommand({}))).CapacityProviders).toEqual([]);
    });
  });

  describe('CreateFunction with a CapacityProviderConfig', () => {
    test('records it in the configuration', async () => {
      const arn = await createProvider(mock.client, 'fleet');
      await mock.create('orders', onProvider(arn));
      expect((await mock.get('orders')).Configuration?.CapacityProviderConfig).toEqual(onProvider(arn).CapacityProviderConfig);
    });

    test('refuses a provider that does not exist (404) and creates nothing', async () => {
      await expectServiceError(mock.create('orders', onProvider(providerArn('missing'))), ResourceNotFoundException, 404, providerNotFound('missing'));
      expect(mock.lambda.state.region('us-east-1').functions.has('orders')).toBe(false);
    });
  });
});
