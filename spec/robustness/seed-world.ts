import * as sdk from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { LambdaMock, LambdaSnapshot } from '../../lib';
import { handlers } from '../../lib/operations/registry';
import { ACCOUNT, arnOf, createInput, REGION, ROLE, zipOf } from '../helpers/fixtures';
import { onProvider, providerInput } from '../operations/capacity-providers/capacity-provider-helpers';

/**
 * A store with one of everything the registered operations act on, so that generated inputs reach
 * success paths as well as errors: functions with versions, an alias, a policy, tags, reserved and
 * provisioned concurrency, an event invoke config, a function URL, an event source mapping, a layer,
 * code signing configs (one free, one in use), capacity providers (one free, one a function runs on),
 * a durable execution waiting on a callback, and `$LATEST` changed since its last published version.
 * Each piece is made only when its operation is registered (the registry grows while this runs).
 */
export const FN = 'fuzz-fn';
export const DURABLE_FN = 'fuzz-durable';
/** A function that uses a code signing config (so that neither the function nor the config is FN's). */
export const SIGNED_FN = 'fuzz-signed';
/** A function on a capacity provider, with a published version (the only kind that scales). */
export const SCALED_FN = 'fuzz-scaled';
export const LAYER = 'fuzz-layer';
/** A capacity provider no function runs on (so that it can be deleted). */
export const PROVIDER = 'fuzz-provider';
/** The capacity provider SCALED_FN runs on. */
export const SCALED_PROVIDER = 'fuzz-scaled-provider';
/** The queue of the world's event source mapping (to FN). */
export const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:fuzz-queue`;
/** The callback the world's durable execution waits on (its operation id in the execution). */
export const CALLBACK_OPERATION = 'fuzz-callback';
export const ALIAS = 'live';
export const PROFILE = `arn:aws:signer:${REGION}:${ACCOUNT}:/signing-profiles/Fuzz/abcdef1234`;
export const layerArn = (version?: number): string => `arn:aws:lambda:${REGION}:${ACCOUNT}:layer:${LAYER}${version === undefined ? '' : `:${version}`}`;
export const providerArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:capacity-provider:${PROVIDER}`;
export const scaledProviderArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:capacity-provider:${SCALED_PROVIDER}`;
export const eventSourceMappingArn = (uuid: string): string => `arn:aws:lambda:${REGION}:${ACCOUNT}:event-source-mapping:${uuid}`;

/** What the seeding made that only the answers tell (ARNs with ids in them). */
export interface World {
  readonly snapshot: LambdaSnapshot;
  /** A code signing config no function uses. */
  readonly codeSigningConfigArn?: string;
  /** The code signing config SIGNED_FN uses. */
  readonly usedCodeSigningConfigArn?: string;
  readonly durableExecutionArn?: string;
  /** The durable execution's current checkpoint token (as the function's invocation event would carry it). */
  readonly checkpointToken?: string;
  /** The id of the callback the durable execution waits on (started, with a heartbeat timeout). */
  readonly callbackId?: string;
  /** The event source mapping from QUEUE_ARN to FN. */
  readonly eventSourceMappingUuid?: string;
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
  let usedCodeSigningConfigArn: string | undefined;
  if (registered('PutFunctionCodeSigningConfig')) {
    const used = await send('CreateCodeSigningConfig', { AllowedPublishers: { SigningProfileVersionArns: [PROFILE] }, Description: 'in use' });
    usedCodeSigningConfigArn = (used?.CodeSigningConfig as { CodeSigningConfigArn?: string } | undefined)?.CodeSigningConfigArn;
    await send('CreateFunction', createInput(SIGNED_FN));
    await send('PutFunctionCodeSigningConfig', { CodeSigningConfigArn: usedCodeSigningConfigArn, FunctionName: SIGNED_FN });
  }
  await send('CreateCapacityProvider', providerInput(PROVIDER));
  if (registered('PutFunctionScalingConfig')) {
    await send('CreateCapacityProvider', providerInput(SCALED_PROVIDER));
    await send('CreateFunction', createInput(SCALED_FN, { Publish: true, ...onProvider(scaledProviderArn) }));
  }
  await send('PutFunctionEventInvokeConfig', { FunctionName: FN, MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 3600 });
  await send('CreateFunctionUrlConfig', { FunctionName: FN, AuthType: 'AWS_IAM' });
  const mapping = await send('CreateEventSourceMapping', { FunctionName: FN, EventSourceArn: QUEUE_ARN, BatchSize: 10 });
  const eventSourceMappingUuid = mapping?.UUID as string | undefined;
  const durable = registered('CheckpointDurableExecution') ? await seedDurableExecution(send, lambda) : {};
  // $LATEST differs from the last published version (a description alone would not), so that PublishVersion publishes a new one.
  await send('UpdateFunctionConfiguration', { FunctionName: FN, Timeout: 10 });
  lambda.setInvokeResults(['{"queued":1}', { payload: '{"errorMessage":"boom"}', functionError: 'Unhandled' }], { region: REGION });
  lambda.settle();
  return { snapshot: lambda.snapshot(), codeSigningConfigArn, usedCodeSigningConfigArn, eventSourceMappingUuid, ...durable, failures };
}

/** A running durable execution of DURABLE_FN that has started a callback, as the durable SDK would through a checkpoint. */
async function seedDurableExecution(send: Send, lambda: LambdaMock): Promise<Pick<World, 'durableExecutionArn' | 'checkpointToken' | 'callbackId'>> {
  await send('CreateFunction', createInput(DURABLE_FN, { DurableConfig: { ExecutionTimeout: 3600 } }));
  const started = await send('Invoke', { FunctionName: DURABLE_FN, InvocationType: 'Event', Payload: '{"order":1}' });
  const durableExecutionArn = started?.DurableExecutionArn as string | undefined;
  if (durableExecutionArn === undefined) return {};
  const firstToken = lambda.state.region(REGION).durableExecutions.get(durableExecutionArn)?.checkpointToken;
  const checkpointed = await send('CheckpointDurableExecution', {
    DurableExecutionArn: durableExecutionArn,
    CheckpointToken: firstToken,
    Updates: [{ Id: CALLBACK_OPERATION, Name: 'approval', Type: 'CALLBACK', Action: 'START', CallbackOptions: { TimeoutSeconds: 3600, HeartbeatTimeoutSeconds: 600 } }],
  });
  const operations = (checkpointed?.NewExecutionState as { Operations?: { CallbackDetails?: { CallbackId?: string } }[] } | undefined)?.Operations;
  return {
    durableExecutionArn,
    checkpointToken: checkpointed?.CheckpointToken as string | undefined,
    callbackId: operations?.[0]?.CallbackDetails?.CallbackId,
  };
}

/** Values that name things of the world, by member name: generated inputs draw from them often. */
export function namePools(world: World): Record<string, readonly unknown[]> {
  const functionNames = [FN, arnOf(FN), `${FN}:1`, `${FN}:${ALIAS}`, arnOf(FN, '2'), `${ACCOUNT}:function:${FN}`, 'missing-fn',
    `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${FN}`, DURABLE_FN, SIGNED_FN, SCALED_FN, '__proto__', 'constructor'];
  const qualifiers = ['$LATEST', '1', '2', '99', ALIAS, 'missing-alias', '__proto__'];
  const mapping = world.eventSourceMappingUuid === undefined ? undefined : eventSourceMappingArn(world.eventSourceMappingUuid);
  const resources = [arnOf(FN), arnOf(FN, ALIAS), arnOf(FN, '1'), arnOf('missing-fn'), providerArn, world.codeSigningConfigArn, layerArn(1), mapping].filter(Boolean);
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
    CapacityProviderName: [PROVIDER, SCALED_PROVIDER, 'missing-provider'],
    DurableExecutionArn: [world.durableExecutionArn, `${arnOf(DURABLE_FN, '$LATEST')}/durable-execution/x/00000000-0000-0000-0000-000000000000`].filter(Boolean),
    CheckpointToken: [world.checkpointToken].filter(Boolean),
    CallbackId: [world.callbackId].filter(Boolean),
    UUID: [world.eventSourceMappingUuid, '00000000-0000-0000-0000-000000000000'].filter(Boolean),
    ZipFile: [zipOf(), new Uint8Array([1, 2, 3])],
    Code: [{ ZipFile: zipOf() }, { S3Bucket: 'fuzz-bucket', S3Key: 'fn.zip' }, { ZipFile: new Uint8Array([1, 2]) }],
    Runtime: ['nodejs22.x', 'python3.13', 'nodejs12.x'],
    Payload: ['{}', '{"a":1}', 'not json', Buffer.from('[1]')],
    SigningProfileVersionArns: [[PROFILE]],
    TagKeys: [['team'], ['team', '__proto__'], ['constructor']],
    ProvisionedConcurrentExecutions: [1, 2],
  };
}
