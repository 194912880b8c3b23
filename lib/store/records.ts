import type { FunctionConfiguration } from '@aws-sdk/client-lambda';

/** Where a function version's code lives, as it was uploaded. */
export interface StoredCode {
  /** The uploaded zip, base64-encoded (a string, so nothing can change it in place). */
  readonly zipFileBase64?: string;
  readonly s3?: { readonly bucket: string; readonly key: string; readonly objectVersion?: string };
  readonly imageUri?: string;
}

/** One version of a function (`$LATEST` or a published number): its configuration as answered, and its code. */
export interface FunctionVersionState {
  readonly configuration: Readonly<FunctionConfiguration>;
  readonly code: StoredCode;
}

/** Everything stored about one function. Records are immutable: handlers replace them. */
export interface FunctionState {
  readonly name: string;
  readonly latest: FunctionVersionState;
  /** Published versions, oldest first. */
  readonly versions: readonly FunctionVersionState[];
  /** The number the next PublishVersion takes: AWS never reuses a deleted version's number. */
  readonly nextVersion: number;
  readonly tags: Readonly<Record<string, string>>;
  /** Reserved concurrency (PutFunctionConcurrency); `0` throttles every invoke. */
  readonly reservedConcurrency?: number;
  /** Provisioned concurrency configs, by version. */
  readonly provisionedConcurrency?: Readonly<Record<string, ProvisionedConcurrencyState>>;
}

/** One provisioned concurrency config: `IN_PROGRESS` when put, `READY` once read. */
export interface ProvisionedConcurrencyState {
  readonly requested: number;
  readonly status: 'IN_PROGRESS' | 'READY';
  readonly lastModified: string;
}

/**
 * The collections stored per account and region. A later resource adds its collection here and its
 * handlers reach it with `ctx.table('name')`.
 */
export interface RegionCollections {
  readonly functions: FunctionState;
}

/** The name of a per-region collection. */
export type CollectionName = keyof RegionCollections;
