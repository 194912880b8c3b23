import { invalidParameter } from '../../errors/service-error';

const MAX_TAGS = 50;

/** The service's tag rules: at most 50 tags, keys of 1–128 and values of 0–256 characters, no `aws:` prefix. */
export function checkTags(tags: Readonly<Record<string, string>>): void {
  const keys = Object.keys(tags);
  if (keys.length > MAX_TAGS) throw invalidParameter(`Number of tags exceeds resource tag limit. The limit is ${MAX_TAGS}.`);
  for (const key of keys) {
    if (key.length < 1 || key.length > 128) throw invalidParameter(`Tag key must be between 1 and 128 characters: ${key}`);
    if (key.toLowerCase().startsWith('aws:')) throw invalidParameter(`The tag key prefix aws: is reserved for AWS use: ${key}`);
    const value = tags[key];
    if (typeof value !== 'string' || value.length > 256) throw invalidParameter(`Tag value must be between 0 and 256 characters for key: ${key}`);
  }
}

/** A tag map with no prototype, so keys such as `__proto__` are ordinary keys. */
export function tagMap(...sources: Readonly<Record<string, string>>[]): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const source of sources) for (const key of Object.keys(source)) out[key] = source[key]!;
  return out;
}
