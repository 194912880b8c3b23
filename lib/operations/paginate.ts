import { invalidParameter } from '../errors/service-error';

/**
 * One page of a list, as the service pages: at most `maxItems` items (`defaultMax` when absent, and
 * never more than `maxPerPage`, the most the operation returns in one call whatever `MaxItems`
 * says) from the opaque `marker`, and a `NextMarker` only when more remain.
 */
export function paginate<T>(
  items: readonly T[],
  marker: string | undefined,
  maxItems: number | undefined,
  defaultMax = 50,
  maxPerPage = Number.POSITIVE_INFINITY,
) {
  let start = 0;
  if (marker !== undefined) {
    start = Number.parseInt(Buffer.from(marker, 'base64url').toString('utf8'), 10);
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw invalidParameter('Invalid Marker.');
  }
  const end = start + Math.min(maxItems ?? defaultMax, maxPerPage);
  const page = items.slice(start, end);
  return { page, nextMarker: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}
