import { Uint8ArrayBlobAdapter } from '@smithy/core/serde';
import type { OverrideAnswer } from './override-registry';

/** Output members the SDK fills from the HTTP status code: a real answer always has them. */
const STATUS_MEMBERS: Readonly<Record<string, string | undefined>> = {
  Invoke: 'StatusCode',
  InvokeWithResponseStream: 'StatusCode',
  InvokeAsync: 'Status',
  DeleteFunction: 'StatusCode',
};

const INVOKE_STATUS: Readonly<Record<string, number | undefined>> = { RequestResponse: 200, Event: 202, DryRun: 204 };

/** The HTTP status the service answers an operation with, when the output does not say it. */
function statusFor(operation: string, input: unknown): number {
  if (operation === 'InvokeAsync') return 202;
  if (operation === 'DeleteFunction') return 204;
  const invocationType = (input as { InvocationType?: unknown } | undefined)?.InvocationType;
  return INVOKE_STATUS[typeof invocationType === 'string' ? invocationType : 'RequestResponse'] ?? 200;
}

/**
 * What `resolves(output)` stores for a command: a snapshot of the output without `$metadata` (the
 * SDK's to report), an Invoke `Payload` given as a string or bytes as the SDK's
 * `Uint8ArrayBlobAdapter` (so `transformToString()` works).
 *
 * @example
 * ```ts
 * overrideOutput('InvokeCommand', { Payload: '{"ok":true}' }).Payload; // Uint8ArrayBlobAdapter
 * ```
 */
export function overrideOutput(commandName: string, output: object): Record<string, unknown> {
  if (output === null || typeof output !== 'object' || Array.isArray(output)) {
    throw new TypeError(`lambda-mock: resolves() takes the command's output object, not ${output === null ? 'null' : typeof output}`);
  }
  const { $metadata: _ignored, ...members } = output as Record<string, unknown>;
  const payload = members.Payload;
  // A blob of the SDK already has `transformToString` (its class is not the exported one, so no `instanceof`).
  const isBlob = payload instanceof Uint8Array && typeof (payload as { transformToString?: unknown }).transformToString === 'function';
  if (commandName === 'InvokeCommand' && (typeof payload === 'string' || (payload instanceof Uint8Array && !isBlob))) {
    members.Payload = typeof payload === 'string' ? Uint8ArrayBlobAdapter.fromString(payload) : Uint8ArrayBlobAdapter.mutate(new Uint8Array(payload));
  }
  return members;
}

/**
 * The output one call answers from a stored override output: the status member the SDK always fills
 * (`StatusCode` of Invoke, `Status` of InvokeAsync…) is the service's status when the override left it out.
 *
 * @example
 * ```ts
 * answeredOutput('Invoke', { Payload }, { InvocationType: 'Event' }).StatusCode; // 202
 * ```
 */
export function answeredOutput(operation: string, output: Readonly<Record<string, unknown>>, input: unknown): Record<string, unknown> {
  const member = STATUS_MEMBERS[operation];
  if (member === undefined || typeof output[member] === 'number') return output as Record<string, unknown>;
  return { ...output, [member]: statusFor(operation, input) };
}

/**
 * The output an override answers one call with; throws its error instead for a rejection: a
 * `ServiceError` (the caller presents it as the SDK's exception) or the user's own error, as it is.
 *
 * @example
 * ```ts
 * overriddenOutput({ kind: 'output', output: { Payload } }, 'Invoke', input).StatusCode; // 200
 * ```
 */
export function overriddenOutput(answer: Exclude<OverrideAnswer, { kind: 'timeout' }>, operation: string, input: unknown): Record<string, unknown> {
  if (answer.kind === 'fault') throw answer.fault.toServiceError({ operation });
  if (answer.kind === 'error') throw answer.error;
  return answeredOutput(operation, answer.output, input);
}
