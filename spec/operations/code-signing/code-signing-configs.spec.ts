import {
  CreateCodeSigningConfigCommand,
  DeleteCodeSigningConfigCommand,
  GetCodeSigningConfigCommand,
  InvalidParameterValueException,
  ListCodeSigningConfigsCommand,
  ListTagsCommand,
  PutFunctionCodeSigningConfigCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateCodeSigningConfigCommand,
  type CreateCodeSigningConfigCommandInput,
} from '@aws-sdk/client-lambda';
import {
  ACCOUNT,
  expectServiceError,
  expectValidationError,
  LAMBDA_TIMESTAMP,
  newClient,
  REGION,
  settledState,
  storedState,
  tagsOf,
  useMockLambda,
} from '../../helpers/fixtures';
import { cscNotFound as notFound, PROFILE, UNKNOWN_CSC as UNKNOWN } from './code-signing-helpers';

const OTHER_PROFILE = `arn:aws:signer:${REGION}:${ACCOUNT}:/signing-profiles/Release/0123456789`;
const CSC_ARN = new RegExp(`^arn:aws:lambda:${REGION}:${ACCOUNT}:code-signing-config:(csc-[a-f0-9]{17})$`);

describe('code signing configs', () => {
  const mock = useMockLambda();
  const create = (input: Partial<CreateCodeSigningConfigCommandInput> = {}) =>
    mock.client.send(new CreateCodeSigningConfigCommand({ AllowedPublishers: { SigningProfileVersionArns: [PROFILE] }, ...input }));
  const get = (arn: string) => mock.client.send(new GetCodeSigningConfigCommand({ CodeSigningConfigArn: arn }));
  const del = (arn: string) => mock.client.send(new DeleteCodeSigningConfigCommand({ CodeSigningConfigArn: arn }));
  const list = (MaxItems?: number, Marker?: string) => mock.client.send(new ListCodeSigningConfigsCommand({ MaxItems, Marker }));

  describe('CreateCodeSigningConfig', () => {
    test('answers 201 with the config: an id as AWS forms it, its ARN, the publishers and policy given', async () => {
      const { $metadata, CodeSigningConfig } = await create({
        Description: 'release builds',
        CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Enforce' },
      });
      expect($metadata.httpStatusCode).toBe(201);
      const [, id] = CSC_ARN.exec(CodeSigningConfig!.CodeSigningConfigArn!)!;
      expect(CodeSigningConfig).toEqual({
        CodeSigningConfigId: id,
        CodeSigningConfigArn: CodeSigningConfig!.CodeSigningConfigArn,
        Description: 'release builds',
        AllowedPublishers: { SigningProfileVersionArns: [PROFILE] },
        CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Enforce' },
        LastModified: expect.stringMatching(LAMBDA_TIMESTAMP),
      });
    });

    test('defaults to an empty description and the Warn policy', async () => {
      const { CodeSigningConfig } = await create();
      expect(CodeSigningConfig).toMatchObject({ Description: '', CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Warn' } });
    });

    test('gives each config its own id', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 5; i++) ids.add((await create()).CodeSigningConfig!.CodeSigningConfigId!);
      expect(ids.size).toBe(5);
    });

    test('accepts a signing profile ARN without its version, as the service does', async () => {
      const profile = `arn:aws:signer:${REGION}:${ACCOUNT}:/signing-profiles/MyProfile`;
      const { CodeSigningConfig } = await create({ AllowedPublishers: { SigningProfileVersionArns: [profile] } });
      expect(CodeSigningConfig?.AllowedPublishers).toEqual({ SigningProfileVersionArns: [profile] });
    });

    test('refuses an allowed publisher that is not a signing profile version, and stores nothing', async () => {
      const role = `arn:aws:iam::${ACCOUNT}:role/not-a-profile`;
      const before = settledState(mock.lambda);
      await expectServiceError(
        create({ AllowedPublishers: { SigningProfileVersionArns: [PROFILE, role] } }),
        InvalidParameterValueException,
        400,
        `Signing profile version ARN is invalid: ${role}`,
      );
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('answers ValidationException for an empty list of publishers and for an unknown policy', async () => {
      await expectValidationError(
        create({ AllowedPublishers: { SigningProfileVersionArns: [] } }),
        "1 validation error detected: Value '[]' at 'allowedPublishers.signingProfileVersionArns' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
      await expectValidationError(
        create({ CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Block' as 'Warn' } }),
        "1 validation error detected: Value 'Block' at 'codeSigningPolicies.untrustedArtifactOnDeployment' failed to satisfy constraint: Member must satisfy enum value set: [Warn, Enforce]",
      );
    });

    test('records its tags, read and changed through ListTags, TagResource and UntagResource', async () => {
      const arn = (await create({ Tags: { team: 'payments' } })).CodeSigningConfig!.CodeSigningConfigArn!;
      expect((await mock.client.send(new ListTagsCommand({ Resource: arn }))).Tags).toEqual({ team: 'payments' });
      await mock.client.send(new TagResourceCommand({ Resource: arn, Tags: { env: 'test' } }));
      await mock.client.send(new UntagResourceCommand({ Resource: arn, TagKeys: ['team'] }));
      expect((await mock.client.send(new ListTagsCommand({ Resource: arn }))).Tags).toEqual({ env: 'test' });
    });

    test('refuses more than 50 tags, at creation and when tagged later', async () => {
      const limit = 'Number of tags exceeds resource tag limit. The limit is 50.';
      await expectServiceError(create({ Tags: tagsOf(51) }), InvalidParameterValueException, 400, limit);
      const arn = (await create({ Tags: tagsOf(50) })).CodeSigningConfig!.CodeSigningConfigArn!;
      await expectServiceError(mock.client.send(new TagResourceCommand({ Resource: arn, Tags: { one: 'more' } })), InvalidParameterValueException, 400, limit);
    });

    test('tagging an unknown config answers its 404', async () => {
      await expectServiceError(mock.client.send(new ListTagsCommand({ Resource: UNKNOWN })), ResourceNotFoundException, 404, notFound(UNKNOWN));
    });
  });

  describe('GetCodeSigningConfig', () => {
    test('answers 200 with the config as created', async () => {
      const { CodeSigningConfig } = await create({ Description: 'd' });
      const { $metadata, ...answer } = await get(CodeSigningConfig!.CodeSigningConfigArn!);
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer).toEqual({ CodeSigningConfig });
    });

    test('answers 404 for an unknown config, or one of another region', async () => {
      await expectServiceError(get(UNKNOWN), ResourceNotFoundException, 404, notFound(UNKNOWN));
      const arn = (await create()).CodeSigningConfig!.CodeSigningConfigArn!;
      const elsewhere = arn.replace(REGION, 'eu-west-1');
      await expectServiceError(get(elsewhere), ResourceNotFoundException, 404, notFound(elsewhere));
    });

    test('answers ValidationException for an ARN that is not a config ARN', async () => {
      await expectValidationError(
        get('arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-TOOSHORT'),
        "1 validation error detected: Value 'arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-TOOSHORT' at 'codeSigningConfigArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:code-signing-config:csc-[a-z0-9]{17}$",
      );
    });
  });

  describe('UpdateCodeSigningConfig', () => {
    test('replaces only the members given, and moves LastModified', async () => {
      jest.useFakeTimers({ now: new Date('2024-05-01T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
      try {
        const created = (await create({ Description: 'old' })).CodeSigningConfig!;
        jest.setSystemTime(new Date('2024-05-02T10:00:00Z'));
        const { $metadata, CodeSigningConfig } = await mock.client.send(
          new UpdateCodeSigningConfigCommand({
            CodeSigningConfigArn: created.CodeSigningConfigArn,
            CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Enforce' },
          }),
        );
        expect($metadata.httpStatusCode).toBe(200);
        expect(CodeSigningConfig).toEqual({
          ...created,
          CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Enforce' },
          LastModified: '2024-05-02T10:00:00.000+0000',
        });
        expect((await get(created.CodeSigningConfigArn!)).CodeSigningConfig).toEqual(CodeSigningConfig);
      } finally {
        jest.useRealTimers();
      }
    });

    test('replaces the allowed publishers and the description', async () => {
      const arn = (await create()).CodeSigningConfig!.CodeSigningConfigArn!;
      const { CodeSigningConfig } = await mock.client.send(
        new UpdateCodeSigningConfigCommand({
          CodeSigningConfigArn: arn,
          Description: 'new',
          AllowedPublishers: { SigningProfileVersionArns: [OTHER_PROFILE, PROFILE] },
        }),
      );
      expect(CodeSigningConfig).toMatchObject({
        Description: 'new',
        AllowedPublishers: { SigningProfileVersionArns: [OTHER_PROFILE, PROFILE] },
        CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Warn' },
      });
    });

    test('answers 404 for an unknown config and 400 for a bad publisher, changing nothing', async () => {
      await expectServiceError(
        mock.client.send(new UpdateCodeSigningConfigCommand({ CodeSigningConfigArn: UNKNOWN, Description: 'x' })),
        ResourceNotFoundException,
        404,
        notFound(UNKNOWN),
      );
      const arn = (await create()).CodeSigningConfig!.CodeSigningConfigArn!;
      const before = settledState(mock.lambda);
      await expectServiceError(
        mock.client.send(new UpdateCodeSigningConfigCommand({ CodeSigningConfigArn: arn, AllowedPublishers: { SigningProfileVersionArns: ['arn:aws:s3:::bucket'] } })),
        InvalidParameterValueException,
        400,
        'Signing profile version ARN is invalid: arn:aws:s3:::bucket',
      );
      expect(storedState(mock.lambda)).toEqual(before);
    });
  });

  describe('DeleteCodeSigningConfig', () => {
    test('answers 204 and the config is gone', async () => {
      const arn = (await create()).CodeSigningConfig!.CodeSigningConfigArn!;
      const { $metadata, ...answer } = await del(arn);
      expect($metadata.httpStatusCode).toBe(204);
      expect(answer).toEqual({});
      await expectServiceError(get(arn), ResourceNotFoundException, 404, notFound(arn));
    });

    test('answers 404 for an unknown config', async () => {
      await expectServiceError(del(UNKNOWN), ResourceNotFoundException, 404, notFound(UNKNOWN));
    });

    test('refuses a config a function uses (409), naming the functions, and keeps it', async () => {
      const arn = (await create()).CodeSigningConfig!.CodeSigningConfigArn!;
      await mock.create('orders');
      await mock.create('billing');
      for (const name of ['orders', 'billing']) {
        await mock.client.send(new PutFunctionCodeSigningConfigCommand({ FunctionName: name, CodeSigningConfigArn: arn }));
      }
      await expectServiceError(
        del(arn),
        ResourceConflictException,
        409,
        `The code signing configuration ${arn} cannot be deleted because it is used by the following functions: [billing, orders]`,
      );
      expect((await get(arn)).CodeSigningConfig?.CodeSigningConfigArn).toBe(arn);
    });
  });

  describe('ListCodeSigningConfigs', () => {
    test('answers 200 with an empty list when there are none', async () => {
      const { $metadata, ...answer } = await list();
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer).toEqual({ CodeSigningConfigs: [] });
    });

    test('lists every config in the order they were created, as Get answers them', async () => {
      const created = [];
      for (let i = 0; i < 3; i++) created.push((await create({ Description: `c${i}` })).CodeSigningConfig);
      expect(await list()).toMatchObject({ CodeSigningConfigs: created });
      expect((await list()).NextMarker).toBeUndefined();
    });

    test('pages with MaxItems and Marker, reaching every config exactly once', async () => {
      for (let i = 0; i < 5; i++) await create({ Description: `c${i}` });
      const first = await list(2);
      const second = await list(2, first.NextMarker);
      const third = await list(2, second.NextMarker);
      expect([first, second, third].flatMap((p) => p.CodeSigningConfigs!.map((c) => c.Description))).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
      expect(third.NextMarker).toBeUndefined();
    });

    test('answers InvalidParameterValueException for a marker it did not give', async () => {
      await expectServiceError(list(2, 'not-a-marker'), InvalidParameterValueException, 400, 'Invalid Marker.');
    });

    test('keeps each region to itself', async () => {
      await create();
      const other = await newClient('eu-west-1').send(new ListCodeSigningConfigsCommand({}));
      expect(other.CodeSigningConfigs).toEqual([]);
    });
  });
});
