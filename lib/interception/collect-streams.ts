/** Whether a member is a stream the SDK would send as a request body (InvokeAsync's `InvokeArgs`). */
const isStream = (value: unknown): value is AsyncIterable<Uint8Array | string> | Blob =>
  value !== null &&
  typeof value === 'object' &&
  !(value instanceof Uint8Array) &&
  ((typeof Blob !== 'undefined' && value instanceof Blob) || Symbol.asyncIterator in value);

async function collect(stream: AsyncIterable<Uint8Array | string> | Blob): Promise<Uint8Array> {
  if (typeof Blob !== 'undefined' && stream instanceof Blob) return new Uint8Array(await stream.arrayBuffer());
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

/** Whether any top-level member of an input is a stream (a scan of its keys: the hot path pays no more). */
export function hasStreams(input: unknown): boolean {
  if (input === null || typeof input !== 'object') return false;
  for (const key in input) if (isStream((input as Record<string, unknown>)[key])) return true;
  return false;
}

/** The input with its streaming members read into bytes, as the SDK reads them into the request body. */
export async function collectStreams(input: object): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...input };
  for (const key of Object.keys(out)) {
    const value = out[key];
    if (isStream(value)) out[key] = await collect(value);
  }
  return out;
}
