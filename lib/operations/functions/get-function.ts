import type { FunctionCodeLocation } from '@aws-sdk/client-lambda';
import type { FunctionVersionState } from '../../store/records';
import type { OperationContext, OperationHandler } from '../operation-handler';
import { readFunction } from './function-lifecycle';
import { configurationOf, parseFunctionName, resolveQualifier } from './function-ref';

/** Locations already worked out, per (immutable) version record: GetFunction is the hottest read. */
const locations = new WeakMap<FunctionVersionState, FunctionCodeLocation>();

/** Where the service says the code can be downloaded (a presigned S3 URL, or the ECR image). */
function codeLocation(ctx: OperationContext, name: string, version: FunctionVersionState): FunctionCodeLocation {
  let location = locations.get(version);
  if (!location) locations.set(version, (location = locate(ctx, name, version)));
  return location;
}

function locate(ctx: OperationContext, name: string, version: FunctionVersionState): FunctionCodeLocation {
  const { code, configuration } = version;
  if (code.imageUri !== undefined) {
    const digest = Buffer.from(configuration.CodeSha256 ?? '', 'base64').toString('hex');
    return { RepositoryType: 'ECR', ImageUri: code.imageUri, ResolvedImageUri: `${code.imageUri.split(/[:@]/)[0]}@sha256:${digest}` };
  }
  const snapshot = Buffer.from(configuration.CodeSha256 ?? '', 'base64').toString('hex').slice(0, 32);
  return {
    RepositoryType: 'S3',
    Location: `https://awslambda-${ctx.region}-tasks.s3.${ctx.region}.amazonaws.com/snapshots/${ctx.accountId}/${name}-${snapshot}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600`,
  };
}

/** GetFunction: the configuration of `$LATEST`, a version or an alias's version, where its code is, and the function's tags. */
export const getFunction: OperationHandler<'GetFunction'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  const fn = readFunction(ctx, ref);
  const resolved = resolveQualifier(ctx, fn, ref);
  const tags = Object.keys(fn.tags).length > 0 ? { Tags: fn.tags } : {};
  const concurrency = fn.reservedConcurrency === undefined ? {} : { Concurrency: { ReservedConcurrentExecutions: fn.reservedConcurrency } };
  return { Configuration: configurationOf(resolved), Code: codeLocation(ctx, fn.name, resolved.version), ...tags, ...concurrency };
};
