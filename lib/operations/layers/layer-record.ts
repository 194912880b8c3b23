import type { LayerVersionsListItem } from '@aws-sdk/client-lambda';
import { invalidParameter, resourceNotFound } from '../../errors/service-error';
import type { LayerState, LayerVersionState } from '../../store/records';
import type { OperationContext } from '../operation-handler';

/** A layer as a request names it: the name alone, or a layer ARN (of this or another account and region). */
export interface LayerRef {
  readonly name: string;
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
}

const LAYER_ARN = /^arn:([a-zA-Z0-9-]+):lambda:([a-zA-Z0-9-]+):(\d{12}):layer:([a-zA-Z0-9-_]+)$/;
const LAYER_VERSION_ARN = /^arn:([a-zA-Z0-9-]+):lambda:([a-zA-Z0-9-]+):(\d{12}):layer:([a-zA-Z0-9-_]+):([0-9]+)$/;

/** Reads a `LayerName` (a name or a layer ARN; validation has matched the model's pattern). */
export function parseLayerName(ctx: OperationContext, layerName: string): LayerRef {
  const match = LAYER_ARN.exec(layerName);
  if (!match) return { name: layerName, region: ctx.region, accountId: ctx.accountId, partition: ctx.partition };
  const [, partition, region, accountId, name] = match as unknown as [string, string, string, string, string];
  return { name, region, accountId, partition };
}

/** Reads a layer version ARN into the layer and its version number, or `undefined` if it is not one. */
export function parseLayerVersionArn(arn: string): { layer: LayerRef; version: number } | undefined {
  const match = LAYER_VERSION_ARN.exec(arn);
  if (!match) return undefined;
  const [, partition, region, accountId, name, version] = match as unknown as [string, string, string, string, string, string];
  return { layer: { name, region, accountId, partition }, version: Number(version) };
}

/** `arn:aws:lambda:<region>:<account>:layer:<name>` */
export const layerArnOf = (ref: LayerRef): string => `arn:${ref.partition}:lambda:${ref.region}:${ref.accountId}:layer:${ref.name}`;

/** `arn:aws:lambda:<region>:<account>:layer:<name>:<version>` */
export const layerVersionArnOf = (ref: LayerRef, version: number): string => `${layerArnOf(ref)}:${version}`;

/** This account's and region's layer a reference names (one of another account or region is not visible here). */
export function storedLayer(ctx: OperationContext, ref: LayerRef): LayerState | undefined {
  if (ref.region !== ctx.region || ref.accountId !== ctx.accountId) return undefined;
  return ctx.table('layers').get(ref.name);
}

/** A stored layer version, if it exists (and was not deleted). */
export function storedLayerVersion(ctx: OperationContext, ref: LayerRef, version: number): LayerVersionState | undefined {
  return storedLayer(ctx, ref)?.versions.find((v) => v.details.Version === version);
}

/** The service's 400 for a version number below 1 (GetLayerVersion, DeleteLayerVersion). */
export function assertVersionNumber(version: number): void {
  if (version < 1) throw invalidParameter('Layer Version Cannot be less than 1');
}

/** GetLayerVersion's 404. */
export const layerResourceNotFound = (): Error => resourceNotFound('The resource you requested does not exist.');

/** The layer-permission operations' 404: `Layer version <arn> does not exist.` */
export function layerVersionForPolicy(ctx: OperationContext, layerName: string, version: number): { layer: LayerState; version: LayerVersionState } {
  const ref = parseLayerName(ctx, layerName);
  const layer = storedLayer(ctx, ref);
  const found = layer?.versions.find((v) => v.details.Version === version);
  if (!layer || !found) throw resourceNotFound(`Layer version ${layerVersionArnOf(ref, version)} does not exist.`);
  return { layer, version: found };
}

/** Replaces one version of a stored layer. */
export function saveLayerVersion(ctx: OperationContext, layer: LayerState, version: LayerVersionState): void {
  const versions = layer.versions.map((v) => (v.details.Version === version.details.Version ? version : v));
  ctx.table('layers').set(layer.name, { ...layer, versions });
}

/** A version as ListLayerVersions and ListLayers list it: its details without `Content` and `LayerArn`. */
export function listItemOf(version: LayerVersionState): LayerVersionsListItem {
  const { Content: _content, LayerArn: _arn, ...item } = version.details;
  return item;
}

/** Whether a version declares the runtime and architecture a list filters on (when it filters on them). */
export const matchesFilters = (version: LayerVersionState, runtime: string | undefined, architecture: string | undefined): boolean =>
  (runtime === undefined || (version.details.CompatibleRuntimes ?? []).includes(runtime as never)) &&
  (architecture === undefined || (version.details.CompatibleArchitectures ?? []).includes(architecture as never));
