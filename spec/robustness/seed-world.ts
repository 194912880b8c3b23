import * as sdk from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { LambdaMock, LambdaSnapshot } from '../../lib';
import { handlers } from '../../lib/operations/registry';
import { ACCOUNT, arnOf, createInput, REGION, ROLE, zipOf } from '../helpers/fixtures';

/**
 * A store with one of everything the registered operations act on, so that generated inputs reach
 * success paths as well as errors: functions with versions, an alias, a policy, tags, reserved and
 * provisioned concurrency, a layer, a code signing config, a capacity provider, a durable execution.
 * Each piece is made only when its operation is registered (the registry grows while this runs).
 */
export const FN = 'fuzz-fn';
export const DURABLE_FN = 'fuzz-durable';
export const LAYER = 'fuzz-layer';
export const PROVIDER = 'fuzz-provider';
export const ALIAS = 'live';
export const PROFILE = `arn:aws:signer:${REGION}:${ACCOUNT}:/signing-profiles/Fuzz/abcdef1234`;
export const layerArn = (version?: number): string => `arn:aws:lambda:${REGION}:${ACCOUNT}:layer:${LAYER}${version === undefined ? '' : `:${version}`}`;
export const providerArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:capacity-provider:${PROVIDER}`;

/** What the seeding made that only the answers tell (ARNs with ids in them). */
export interface World {
  readonly snapshot: LambdaSnapshot;
  readonly codeSigningConfigArn?: string;
  readonly durableExecutionArn?: string;
  /** Seeding commands that failed (each is a bug, or a world this file no longer knows how to build). */
  readonly failures: readonly string[];
}

const registered = (op: string): boolean => op in handlers;

type Send = (command: string, input: object) => Promise<Record<string, unknown> | undefined>;

/** Builds the world through the client, as a user would; answers its snapshot (to `load` before each input). */
export async function seedWorld(lambda: LambdaMock, client: LambdaClient): Promise<World> {
  lambda.reset();
  const failures: string[] = [];
  const send: Send = async (command, input) => {
    const Command = (sdk as unknown as Record<string, (new (input: object) => sdk.InvokeCommand) | undefined>)[`${command}Command`];
    if (!registered(command) || !Command) return undefined;
    try {
      return (await client.send(new Command(input))) as unknown as Record<string, unknown>;
    } catch (error) {
      failures.push(`${command}: ${(error as Error).name}: ${(error as Error).message}`);
      return undefined;
    }
  };
  await send('CreateFunction', createInput(FN, { Publish: true, Tags: { team: 'fuzz' }, Environment: { Variables: { MODE: 'fuzz' } } }));
  await send('UpdateFunctionCode', { FunctionName: FN, ZipFile: zipOf('exports.handler = async () => 2;'), Publish: true });
  await send('CreateAlias', { FunctionName: FN, Name: ALIAS, FunctionVersion: '1' });
  await send('AddPermission', { FunctionName: FN, StatementId: 'fuzz-sid', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' });
  await send('PutFunctionConcurrency', { FunctionName: FN, ReservedConcurrentExecutions: 5 });
  await send('PutProvisionedConcurrencyConfig', { FunctionName: FN, Qualifier: '1', ProvisionedConcurrentExecutions: 1 });
  await send('PublishLayerVersion', { LayerName: LAYER, Content: { ZipFile: zipOf('module.exports = {};') }, CompatibleRuntimes: ['nodejs22.x'] });
  await send('AddLayerVersionPermission', { LayerName: LAYER, VersionNumber: 1, StatementId: 'fuzz-sid', Action: 'lambda:GetLayerVersion', Principal: '*' });
  const csc = await send('CreateCodeSigningConfig', { AllowedPublishers: { SigningProfileVersionArns: [PROFILE] } });
  const codeSigningConfigArn = (csc?.CodeSigningConfig as { CodeSigningConfigArn?: string } | undefined)?.CodeSigningConfigArn;
  await send('CreateCapacityProvider', {
    CapacityProviderName: PROVIDER,
    VpcConfig: { SubnetIds: ['subnet-0123456789abcdef0'], SecurityGroupIds: ['sg-0123456789abcdef0'] },
    PermissionsConfig: { CapacityProviderOperatorRoleArn: `arn:aws:iam::${ACCOUNT}:role/operator` },
  });
  let durableExecutionArn: string | undefined;
  if (registered('CheckpointDurableExecution')) {
    await send('CreateFunction', createInput(DURABLE_FN, { DurableConfig: { ExecutionTimeout: 3600 } }));
    const started = await send('Invoke', { FunctionName: DURABLE_FN, InvocationType: 'Event', Payload: '{"order":1}' });
    durableExecutionArn = started?.DurableExecutionArn as string | undefined;
  }
  lambda.setInvokeResults(['{"queued":1}', { payload: '{"errorMessage":"boom"}', functionError: 'Unhandled' }], { region: REGION });
  lambda.settle();
  return { snapshot: lambda.snapshot(), codeSigningConfigArn, durableExecutionArn, failures };
}

/** Values that name things of the world, by member name: generated inputs draw from them often. */
export function namePools(world: World): Record<string, readonly unknown[]> {
  const functionNames = [FN, arnOf(FN), `${FN}:1`, `${FN}:${ALIAS}`, arnOf(FN, '2'), `${ACCOUNT}:function:${FN}`, 'missing-fn',
    `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${FN}`, DURABLE_FN, '__proto__', 'constructor'];
  const qualifiers = ['$LATEST', '1', '2', '99', ALIAS, 'missing-alias', '__proto__'];
  const resources = [arnOf(FN), arnOf(FN, ALIAS), arnOf(FN, '1'), arnOf('missing-fn'), providerArn, world.codeSigningConfigArn, layerArn(1)].filter(Boolean);
  return {
    FunctionName: functionNames,
    Qualifier: qualifiers,
    FunctionVersion: ['$LATEST', '1', '2', '99', 'ALL'],
    Name: [ALIAS, 'next', '__proto__', 'constructor', 'prototype'],
    Resource: resources,
    ResourceArn: resources,
    Arn: [layerArn(1), layerArn(99), layerArn()],
    LayerName: [LAYER, layerArn(), 'missing-layer', '__proto__'],
    VersionNumber: [1, 2, 99],
    StatementId: ['fuzz-sid', 'new-sid', '__proto__', 'constructor', 'hasOwnProperty'],
    Principal: ['s3.amazonaws.com', '*', ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`],
    Action: ['lambda:InvokeFunction', 'lambda:GetLayerVersion', 'lambda:*'],
    Role: [ROLE],
    Handler: ['index.handler'],
    CodeSigningConfigArn: [world.codeSigningConfigArn, `arn:aws:lambda:${REGION}:${ACCOUNT}:code-signing-config:csc-0123456789abcdef0`].filter(Boolean),
    CapacityProviderName: [PROVIDER, 'missing-provider'],
    DurableExecutionArn: [world.durableExecutionArn, `${arnOf(DURABLE_FN, '$LATEST')}/durable-execution/x/00000000-0000-0000-0000-000000000000`].filter(Boolean),
    ZipFile: [zipOf(), new Uint8Array([1, 2, 3])],
    Code: [{ ZipFile: zipOf() }, { S3Bucket: 'fuzz-bucket', S3Key: 'fn.zip' }, { ZipFile: new Uint8Array([1, 2]) }],
    Runtime: ['nodejs22.x', 'python3.13', 'nodejs12.x'],
    Payload: ['{}', '{"a":1}', 'not json', Buffer.from('[1]')],
    SigningProfileVersionArns: [[PROFILE]],
    TagKeys: [['team'], ['team', '__proto__'], ['constructor']],
    ProvisionedConcurrentExecutions: [1, 2],
  };
}
