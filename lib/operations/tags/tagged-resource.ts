import { invalidParameter, resourceNotFound } from '../../errors/service-error';
import type { FunctionState } from '../../store/records';
import type { OperationContext } from '../operation-handler';
import { functionNotFound } from '../functions/function-ref';
import { saveFunction } from '../functions/function-record';
import { getCapacityProvider } from '../capacity-providers/capacity-provider-ref';
import { getCodeSigningConfig } from '../code-signing/code-signing-config-ref';
import { isMappingArn, mappingByArn } from '../event-source-mappings/mapping-ref';

const FUNCTION_ARN = /^arn:[^:]+:lambda:([^:]+):(\d{12}):function:([^:]+)(?::(.+))?$/;

/** The function a tagging request names by ARN. */
export function taggedFunction(ctx: OperationContext, resource: string): FunctionState {
  const match = FUNCTION_ARN.exec(resource);
  if (!match) throw resourceNotFound(`The resource you requested does not exist. ${resource}`);
  const [, region, accountId, name, qualifier] = match as unknown as [string, string, string, string, string?];
  if (qualifier !== undefined) {
    throw invalidParameter('Tags are not supported for function versions or aliases. Use the unqualified function ARN.');
  }
  const fn = region === ctx.region && accountId === ctx.accountId ? ctx.table('functions').get(name) : undefined;
  if (!fn) throw functionNotFound(ctx, { name, qualifier: undefined });
  return fn;
}

/** A resource that takes tags: its tags, and how to store new ones. */
export interface TaggedResource {
  readonly tags: Readonly<Record<string, string>>;
  saveTags(tags: Readonly<Record<string, string>>): void;
}

const CODE_SIGNING_CONFIG_ARN = /^arn:[^:]+:lambda:[^:]+:\d{12}:code-signing-config:/;
const CAPACITY_PROVIDER_ARN = /^arn:[^:]+:lambda:[^:]+:\d{12}:capacity-provider:/;

/**
 * The resource a tagging request (TagResource, UntagResource, ListTags) names by ARN: a function,
 * a code signing config, a capacity provider or an event source mapping; an unknown one answers the service's 404.
 */
export function taggedResource(ctx: OperationContext, resource: string): TaggedResource {
  if (CODE_SIGNING_CONFIG_ARN.test(resource)) {
    const record = getCodeSigningConfig(ctx, resource);
    return { tags: record.tags, saveTags: (tags) => ctx.table('codeSigningConfigs').set(resource, { ...record, tags }) };
  }
  if (CAPACITY_PROVIDER_ARN.test(resource)) {
    const record = getCapacityProvider(ctx, resource);
    const name = record.provider.CapacityProviderArn!.slice(record.provider.CapacityProviderArn!.lastIndexOf(':') + 1);
    return { tags: record.tags, saveTags: (tags) => ctx.table('capacityProviders').set(name, { ...record, tags }) };
  }
  if (isMappingArn(resource)) {
    const record = mappingByArn(ctx, resource);
    return { tags: record.tags, saveTags: (tags) => ctx.table('eventSourceMappings').set(record.configuration.UUID!, { ...record, tags }) };
  }
  const fn = taggedFunction(ctx, resource);
  return { tags: fn.tags, saveTags: (tags) => saveFunction(ctx, { ...fn, tags }) };
}
