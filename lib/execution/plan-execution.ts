import type { InvocationType, LogType } from '@aws-sdk/client-lambda';
import { functionArn } from '../operations/functions/function-ref';
import type { OperationContext } from '../operations/operation-handler';
import type { FunctionState, FunctionVersionState } from '../store/records';
import type { CodeSource, ExecutionPlan } from './execution-plan';
import type { HandlerSource } from './handler-types';

/** A function's `Timeout` and `MemorySize` when none is configured. */
const DEFAULT_TIMEOUT_SECONDS = 3;
const DEFAULT_MEMORY_MB = 128;

/** `arn:aws:lambda:us-east-1:123456789012:layer:deps:3` → its name and version. */
const LAYER_ARN = /^arn:[\w-]+:lambda:([\w-]+):(\d{12}):layer:([\w-]+):(\d+)$/;

/** The zips of the function's layers stored in this account and region, in the function's order (others are skipped). */
function layerZips(ctx: OperationContext, version: FunctionVersionState): string[] {
  const zips: string[] = [];
  for (const layer of version.configuration.Layers ?? []) {
    const match = LAYER_ARN.exec(layer.Arn ?? '');
    if (!match || match[1] !== ctx.region || match[2] !== ctx.accountId) continue;
    const stored = ctx.table('layers').get(match[3]!)?.versions.find((v) => v.details.Version === Number(match[4]));
    if (stored?.code.zipFileBase64) zips.push(stored.code.zipFileBase64);
  }
  return zips;
}

/** Where the code comes from; `undefined` when `'code'` cannot run: not a Node.js zip function, or no zip stored. */
function codeSource(ctx: OperationContext, fn: FunctionState, version: FunctionVersionState, source: HandlerSource): CodeSource | undefined {
  if (source !== 'code') return { kind: 'handler', handler: source };
  const { configuration, code } = version;
  if (configuration.PackageType === 'Image' || !configuration.Runtime?.startsWith('nodejs') || !code.zipFileBase64) return undefined;
  const layers = (configuration.Layers ?? []).map((l) => l.Arn).join(',');
  return {
    kind: 'zip',
    key: `${ctx.accountId}/${ctx.region}/${fn.name}/${configuration.Version}/${configuration.RevisionId}/${configuration.CodeSha256}/${layers}`,
    zipBase64: code.zipFileBase64,
    layerZipsBase64: layerZips(ctx, version),
  };
}

/**
 * Reads, while the Invoke command runs, everything an execution of the function's own code needs;
 * `undefined` when nothing of the function's own runs (the queue/echo answers instead).
 */
export function planExecution(
  ctx: OperationContext,
  fn: FunctionState,
  version: FunctionVersionState,
  request: { qualifier: string | undefined; invocationType: InvocationType; logType: LogType | undefined; payload: string },
): ExecutionPlan | undefined {
  const executedVersion = version.configuration.Version ?? '$LATEST';
  const handler = ctx.findHandler(fn.name, request.qualifier, executedVersion);
  const source = handler === undefined ? undefined : codeSource(ctx, fn, version, handler);
  if (!source) return undefined;
  const { configuration } = version;
  return {
    source,
    requestId: ctx.requestId,
    accountId: ctx.accountId,
    region: ctx.region,
    functionName: fn.name,
    qualifier: request.qualifier,
    executedVersion,
    invokedFunctionArn: functionArn(ctx, fn.name, request.qualifier),
    invocationType: request.invocationType,
    logType: request.logType,
    payload: request.payload,
    handlerSetting: configuration.Handler ?? '',
    runtime: configuration.Runtime ?? '',
    memorySizeMb: configuration.MemorySize ?? DEFAULT_MEMORY_MB,
    timeoutSeconds: configuration.Timeout ?? DEFAULT_TIMEOUT_SECONDS,
    environment: { ...(configuration.Environment?.Variables ?? {}) },
  };
}
