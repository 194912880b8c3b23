import type { GetLayerVersionResponse } from '@aws-sdk/client-lambda';
import { createHash } from 'node:crypto';
import type { LayerState } from '../../store/records';
import { lambdaTimestamp } from '../../util/aws';
import type { OperationContext, OperationHandler } from '../operation-handler';
import { readCode } from '../functions/function-code';
import { layerArnOf, layerVersionArnOf, parseLayerName, type LayerRef } from './layer-record';

/** Where the service says a layer version's archive can be downloaded (a presigned S3 URL, valid 10 minutes). */
function layerLocation(ctx: OperationContext, ref: LayerRef, version: number, sha256: string): string {
  const snapshot = createHash('sha256').update(`${sha256}:${version}`).digest('hex').slice(0, 32);
  return `https://awslambda-${ctx.region}-layers.s3.${ctx.region}.amazonaws.com/snapshots/${ctx.accountId}/${ref.name}-${snapshot}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600`;
}

/**
 * PublishLayerVersion: the next version of a layer (1, 2, 3…, never reused after a delete) from a zip
 * or an S3 location, with `CodeSha256`/`CodeSize` as for functions (201).
 */
export const publishLayerVersion: OperationHandler<'PublishLayerVersion'> = (input, ctx) => {
  // A layer ARN names the layer; the version is published here, in this account and region.
  const ref: LayerRef = { ...parseLayerName(ctx, input.LayerName!), region: ctx.region, accountId: ctx.accountId, partition: ctx.partition };
  const layers = ctx.table('layers');
  const layer: LayerState = layers.get(ref.name) ?? { name: ref.name, layerArn: layerArnOf(ref), versions: [], nextVersion: 1 };
  const uploaded = readCode(input.Content ?? {}, 'Zip');
  const number = layer.nextVersion;
  const details: GetLayerVersionResponse = {
    Content: { Location: layerLocation(ctx, ref, number, uploaded.sha256), CodeSha256: uploaded.sha256, CodeSize: uploaded.size },
    LayerArn: layer.layerArn,
    LayerVersionArn: layerVersionArnOf(ref, number),
    Description: input.Description ?? '',
    CreatedDate: lambdaTimestamp(ctx.now),
    Version: number,
    ...(input.CompatibleRuntimes !== undefined ? { CompatibleRuntimes: input.CompatibleRuntimes } : {}),
    ...(input.LicenseInfo !== undefined ? { LicenseInfo: input.LicenseInfo } : {}),
    ...(input.CompatibleArchitectures !== undefined ? { CompatibleArchitectures: input.CompatibleArchitectures } : {}),
  };
  layers.set(ref.name, { ...layer, versions: [...layer.versions, { details, code: uploaded.code }], nextVersion: number + 1 });
  return details;
};
