import { randomBytes } from 'node:crypto';
import { invalidParameter, resourceNotFound } from '../../errors/service-error';
import type { OperationContext } from '../operation-handler';
import { functionArn } from '../functions/function-ref';
import { advanceExecution, isExpired } from './execution-clock';
import type { DurableExecutionRecord } from './execution-record';

/** `arn:aws:lambda:<region>:<account>:function:<name>:<version>/durable-execution/<name>/<id>` */
export const executionArn = (ctx: OperationContext, functionName: string, version: string, name: string, id: string): string =>
  `${functionArn(ctx, functionName, version)}/durable-execution/${name}/${id}`;

/** The service's 404 for an execution it does not know (or no longer keeps). */
export const executionNotFound = (): Error => resourceNotFound('Durable Execution does not exist');

/**
 * The execution an ARN names, as it is now (see `advanceExecution`), or `undefined`. What the clock
 * changed is stored, and an execution past its retention period is forgotten.
 */
export function findExecution(ctx: OperationContext, arn: string): DurableExecutionRecord | undefined {
  const table = ctx.table('durableExecutions');
  const stored = table.get(arn);
  if (!stored) return undefined;
  const now = ctx.now.getTime();
  const current = advanceExecution(stored, now);
  if (isExpired(current, now)) {
    table.delete(arn);
    return undefined;
  }
  if (current !== stored) table.set(arn, current);
  return current;
}

/** The execution an ARN names, or the service's 404. */
export function getExecution(ctx: OperationContext, arn: string): DurableExecutionRecord {
  const execution = findExecution(ctx, arn);
  if (!execution) throw executionNotFound();
  return execution;
}

export const saveExecution = (ctx: OperationContext, record: DurableExecutionRecord): void =>
  ctx.table('durableExecutions').set(record.arn, record);

// ---- Checkpoint tokens: opaque base64 to the caller; inside, the execution's id and a sequence number. ----

/** The execution's next checkpoint token (each checkpoint consumes one and issues the next). */
export function nextCheckpointToken(record: DurableExecutionRecord): Pick<DurableExecutionRecord, 'checkpointToken' | 'tokenSequence'> {
  const tokenSequence = record.tokenSequence + 1;
  const checkpointToken = Buffer.from(`${record.id}:${tokenSequence}:${randomBytes(6).toString('hex')}`).toString('base64');
  return { checkpointToken, tokenSequence };
}

/** The execution id a token was issued for, if it is one of lambda-mock's tokens. */
function tokenExecutionId(token: string): string | undefined {
  const parts = Buffer.from(token, 'base64').toString('utf8').split(':');
  return parts.length === 3 && /^\d+$/.test(parts[1]!) ? parts[0] : undefined;
}

/** The service's answer to a token that is stale, unknown, or of a closed execution. */
export const invalidToken = (): Error => invalidParameter('Invalid checkpoint token');

/**
 * The running execution a checkpoint token belongs to. A token of another execution, a token that
 * was never issued, and any token of an execution that is closed are refused as the service refuses them.
 */
export function executionForToken(ctx: OperationContext, arn: string, token: string): DurableExecutionRecord {
  const execution = findExecution(ctx, arn);
  const issuedFor = tokenExecutionId(token);
  if (execution && issuedFor !== undefined && issuedFor !== execution.id) {
    throw invalidParameter('Checkpoint token is not valid for the durable execution ARN');
  }
  if (!execution || issuedFor === undefined || execution.status !== 'RUNNING') throw invalidToken();
  return execution;
}

// ---- Callback ids: opaque base64 to the caller; inside, the execution and the callback operation. ----

export const callbackId = (executionArnValue: string, operationId: string): string =>
  Buffer.from(`${executionArnValue}#${operationId}`).toString('base64');

/** The execution and operation a callback id names, if it is one of lambda-mock's ids. */
export function parseCallbackId(id: string): { executionArn: string; operationId: string } | undefined {
  const text = Buffer.from(id, 'base64').toString('utf8');
  const at = text.lastIndexOf('#');
  if (at <= 0 || !text.startsWith('arn:') || !text.includes('/durable-execution/')) return undefined;
  return { executionArn: text.slice(0, at), operationId: text.slice(at + 1) };
}
