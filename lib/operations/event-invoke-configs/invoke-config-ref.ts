import type { DestinationConfig, FunctionEventInvokeConfig } from '@aws-sdk/client-lambda';
import { invalidParameter, resourceNotFound, ServiceError } from '../../errors/service-error';
import type { EventInvokeConfigRecord, FunctionState } from '../../store/records';
import { entryOf, withEntry } from '../../util/name-map';
import type { OperationContext } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { functionArn, isFunctionOfAnotherRegion, parseFunctionName, resolveQualifier } from '../functions/function-ref';

/** The unqualified function's config is kept (and answered) as `$LATEST`'s. */
export const UNQUALIFIED = '$LATEST';

/** A function's config on one qualifier: the function and the key it is stored under. */
export interface ConfigTarget {
  readonly fn: FunctionState;
  readonly key: string;
}

/** The service's 404 for a config the function, version or alias does not have (or a function it does not know). */
export const noConfig = (ctx: OperationContext, name: string, key: string): Error =>
  resourceNotFound(`The function ${functionArn(ctx, name, key)} doesn't have an EventInvokeConfig`);

/** The service's 404 from Put, Update and List for a function, version or alias that does not exist. */
const functionMissing = (): Error => resourceNotFound("The function doesn't exist.");

/** The function a request names, and the qualifier key (`$LATEST` without one); an unknown one is the service's 404. */
export function existingTarget(ctx: OperationContext, functionName: string, qualifier: string | undefined): ConfigTarget {
  try {
    const ref = parseFunctionName(ctx, functionName, qualifier);
    const fn = ctx.table('functions').get(ref.name);
    if (!fn) throw functionMissing();
    if (ref.qualifier !== undefined) resolveQualifier(ctx, fn, ref);
    return { fn, key: ref.qualifier ?? UNQUALIFIED };
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'ResourceNotFoundException' && !isFunctionOfAnotherRegion(error)) throw functionMissing();
    throw error;
  }
}

/** The stored config a Get or Delete names, or the service's 404 naming the qualified function ARN. */
export function storedConfig(ctx: OperationContext, functionName: string, qualifier: string | undefined): ConfigTarget & { config: EventInvokeConfigRecord } {
  const ref = parseFunctionName(ctx, functionName, qualifier);
  const key = ref.qualifier ?? UNQUALIFIED;
  const fn = ctx.table('functions').get(ref.name);
  const config = fn ? entryOf(fn.eventInvokeConfigs, key) : undefined;
  if (!fn || !config) throw noConfig(ctx, ref.name, key);
  return { fn, key, config };
}

/** A config as the API answers it: the qualified function ARN, and `LastModified` a `Date` as the SDK types it. */
export const describeConfig = (ctx: OperationContext, fnName: string, key: string, config: EventInvokeConfigRecord): FunctionEventInvokeConfig => ({
  LastModified: new Date(config.lastModified),
  FunctionArn: functionArn(ctx, fnName, key),
  ...(config.MaximumRetryAttempts !== undefined ? { MaximumRetryAttempts: config.MaximumRetryAttempts } : {}),
  ...(config.MaximumEventAgeInSeconds !== undefined ? { MaximumEventAgeInSeconds: config.MaximumEventAgeInSeconds } : {}),
  DestinationConfig: { OnSuccess: { ...config.DestinationConfig.OnSuccess }, OnFailure: { ...config.DestinationConfig.OnFailure } },
});

/** Put and Update need something to configure. */
export function assertSomethingToConfigure(input: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number; DestinationConfig?: DestinationConfig }): void {
  if (input.MaximumRetryAttempts === undefined && input.MaximumEventAgeInSeconds === undefined && input.DestinationConfig === undefined) {
    throw invalidParameter('You must specify at least one of error handling or destination setting.');
  }
}

/** A destination's ARN, when one is set (an empty string sets none). */
const destinationOf = (config: DestinationConfig | undefined, member: 'OnSuccess' | 'OnFailure'): string | undefined => {
  const destination = config?.[member]?.Destination;
  return destination === undefined || destination === '' ? undefined : destination;
};

/** The kinds of destination asynchronous invocations send records to; S3 buckets take failures only. */
const DESTINATION_SERVICES: Readonly<Record<'OnSuccess' | 'OnFailure', readonly string[]>> = {
  OnSuccess: ['sqs', 'sns', 'lambda', 'events'],
  OnFailure: ['sqs', 'sns', 'lambda', 'events', 's3'],
};

const FUNCTION_DESTINATION = /^arn:[^:]+:lambda:[^:]+:\d{12}:function:([a-zA-Z0-9-_]+)(?::[a-zA-Z0-9-_$.]+)?$/;

/**
 * The destination config to store, both members always there (`{}` when unset) as the service
 * answers it. Each destination must be a kind the service delivers to (else the service's
 * `The provided destination config DestinationConfig(…) is invalid.`), and a function may not be its
 * own destination.
 */
export function checkedDestinations(fn: FunctionState, config: DestinationConfig | undefined): EventInvokeConfigRecord['DestinationConfig'] {
  const onSuccess = destinationOf(config, 'OnSuccess');
  const onFailure = destinationOf(config, 'OnFailure');
  const valid = (arn: string, member: 'OnSuccess' | 'OnFailure'): boolean => {
    const service = arn.split(':')[2] ?? '';
    if (!arn.startsWith('arn:') || !DESTINATION_SERVICES[member].includes(service)) return false;
    if (service !== 'lambda') return true;
    const match = FUNCTION_DESTINATION.exec(arn);
    if (match?.[1] === fn.name) throw invalidParameter("You can't specify the function as a destination for itself.");
    return match !== null;
  };
  if ((onSuccess !== undefined && !valid(onSuccess, 'OnSuccess')) || (onFailure !== undefined && !valid(onFailure, 'OnFailure'))) {
    const part = (member: 'OnSuccess' | 'OnFailure', arn: string | undefined) => (arn === undefined ? 'null' : `${member}(destination=${arn})`);
    throw invalidParameter(
      `The provided destination config DestinationConfig(onSuccess=${part('OnSuccess', onSuccess)}, onFailure=${part('OnFailure', onFailure)}) is invalid.`,
    );
  }
  return { OnSuccess: onSuccess === undefined ? {} : { Destination: onSuccess }, OnFailure: onFailure === undefined ? {} : { Destination: onFailure } };
}

/** Stores a config on its qualifier, replacing the one there. */
export const saveConfig = (ctx: OperationContext, { fn, key }: ConfigTarget, config: EventInvokeConfigRecord): void => {
  saveFunction(ctx, { ...fn, eventInvokeConfigs: withEntry(fn.eventInvokeConfigs, key, config) });
};
