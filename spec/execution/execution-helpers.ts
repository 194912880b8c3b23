import { InvokeCommand, type InvokeCommandOutput, type LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';

/** A real zip of the given files (paths to sources). */
export const zipFiles = (files: Record<string, string>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, source]) => [name, strToU8(source)])));

/** Invokes synchronously and answers the output with its payload as text. */
export async function invokeText(
  client: LambdaClient,
  input: { FunctionName: string; Payload?: string; Qualifier?: string; LogType?: 'Tail' },
): Promise<InvokeCommandOutput & { text: string }> {
  const output = await client.send(new InvokeCommand(input));
  return { ...output, text: output.Payload ? Buffer.from(output.Payload).toString('utf8') : '' };
}

/** The decoded `LogResult`. */
export const logOf = (output: InvokeCommandOutput): string => Buffer.from(output.LogResult ?? '', 'base64').toString('utf8');
