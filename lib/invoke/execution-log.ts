/** The most of a log the service returns in `LogResult`: its last 4 KB. */
const TAIL_BYTES = 4096;

/** One invocation's log, as the Node.js runtime writes it with the `Text` log format. */
export function executionLog(options: {
  requestId: string;
  version: string;
  logs: string | undefined;
  durationMs: number;
  memorySizeMb: number;
}): string {
  const { requestId, version, durationMs, memorySizeMb } = options;
  const body = options.logs ? (options.logs.endsWith('\n') ? options.logs : `${options.logs}\n`) : '';
  const billed = Math.max(1, Math.ceil(durationMs));
  return (
    `START RequestId: ${requestId} Version: ${version}\n` +
    body +
    `END RequestId: ${requestId}\n` +
    `REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${billed} ms\t` +
    `Memory Size: ${memorySizeMb} MB\tMax Memory Used: ${Math.min(memorySizeMb, 64)} MB\t\n`
  );
}

/** `LogResult`: base64 of the log's last 4 KB. */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.byteLength - TAIL_BYTES)).toString('base64');
}
