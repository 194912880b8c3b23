import type {
  AliasConfiguration,
  GetLayerVersionResponse,
  CapacityProvider,
  CodeSigningConfig,
  EventSourceMappingConfiguration,
  FunctionConfiguration,
  FunctionUrlConfig,
  FunctionScalingConfig,
  RecursiveLoop,
  UpdateRuntimeOn,
} from '@aws-sdk/client-lambda';
import type { DurableExecutionRecord } from '../operations/durable-executions/execution-record';

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
  /** The code signing config attached (CreateFunction or PutFunctionCodeSigningConfig), by ARN. */
  readonly codeSigningConfigArn?: string;
  /** Recursive loop detection (PutFunctionRecursionConfig); absent is the service's default, `Terminate`. */
  readonly recursiveLoop?: RecursiveLoop;
  /** Runtime management configs (PutRuntimeManagementConfig), by qualifier; absent is `Auto`. */
  readonly runtimeManagement?: Readonly<Record<string, { readonly UpdateRuntimeOn: UpdateRuntimeOn; readonly RuntimeVersionArn?: string }>>;
  /** Requested scaling configs of a Lambda Managed Instances function (PutFunctionScalingConfig), by qualifier. */
  readonly scaling?: Readonly<Record<string, Readonly<FunctionScalingConfig>>>;
  /** Aliases as GetAlias answers them, by name (a map without prototype: see `lib/util/name-map.ts`). */
  readonly aliases?: Readonly<Record<string, Readonly<AliasConfiguration>>>;
  /**
   * Resource-based policies (AddPermission, PutResourcePolicy), by qualifier: `$LATEST` for the
   * unqualified function, else a version or an alias (a map without prototype). A policy's RevisionId
   * is its version's or alias's.
   */
  readonly policies?: Readonly<Record<string, PolicyDocument>>;
  /** Function URL configs, by qualifier: `$LATEST` for the unqualified function, else an alias (a map without prototype). */
  readonly urlConfigs?: Readonly<Record<string, Readonly<FunctionUrlConfig>>>;
  /** Asynchronous invocation configs (PutFunctionEventInvokeConfig), by qualifier: `$LATEST`, a version or an alias. */
  readonly eventInvokeConfigs?: Readonly<Record<string, EventInvokeConfigRecord>>;
}

/**
 * A function's, version's or alias's asynchronous invocation config, as the service answers it but
 * with `LastModified` as an ISO string (the SDK's `Date` is built on the way out).
 *
 * @example
 * ```ts
 * const config = lambda.state.function('orders')?.eventInvokeConfigs?.['$LATEST'];
 * expect(config?.MaximumRetryAttempts).toBe(0);
 * ```
 */
export interface EventInvokeConfigRecord {
  readonly MaximumRetryAttempts?: number;
  readonly MaximumEventAgeInSeconds?: number;
  /** Both members are always there, `{}` when unset, as the service answers them. */
  readonly DestinationConfig: { readonly OnSuccess: { readonly Destination?: string }; readonly OnFailure: { readonly Destination?: string } };
  readonly lastModified: string;
}

/** A statement of a resource-based policy, as JSON. */
export type PolicyStatement = Readonly<Record<string, unknown>>;

/** A resource-based policy document as the service answers it: `{ Version, Id, Statement: [...] }`. */
export interface PolicyDocument {
  readonly Version?: unknown;
  readonly Id?: unknown;
  readonly Statement: readonly PolicyStatement[];
}

/** A layer: its published versions (deleted ones are gone) and the number the next one takes. */
export interface LayerState {
  readonly name: string;
  readonly layerArn: string;
  /** Oldest first. */
  readonly versions: readonly LayerVersionState[];
  /** Numbers are never reused, even after a delete. */
  readonly nextVersion: number;
}

/** One version of a layer: what GetLayerVersion answers, its code, and its permissions policy. */
export interface LayerVersionState {
  readonly details: Readonly<GetLayerVersionResponse>;
  readonly code: StoredCode;
  readonly policy?: LayerPolicyState;
}

/** A layer version's permissions policy (AddLayerVersionPermission): its statements and RevisionId. */
export interface LayerPolicyState {
  readonly statements: readonly PolicyStatement[];
  readonly revisionId: string;
}

/** One provisioned concurrency config: `IN_PROGRESS` when put, `READY` once allocated (as the `settle` mode says). */
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
  /** Layers, by name. */
  readonly layers: LayerState;
  /** Code signing configs, by ARN. */
  readonly codeSigningConfigs: CodeSigningConfigRecord;
  /** Capacity providers (Lambda Managed Instances), by name. */
  readonly capacityProviders: CapacityProviderRecord;
  /** Durable executions, by ARN. */
  readonly durableExecutions: DurableExecutionRecord;
  /** Event source mappings, by UUID. */
  readonly eventSourceMappings: EventSourceMappingRecord;
  /** Invocation records the service sent to asynchronous-invocation destinations, by the invoke's request id. */
  readonly destinationDeliveries: DestinationDeliveryRecord;
}

/**
 * The settled states of an event source mapping; the others (`Creating`, `Updating`, …) lead to one.
 *
 * @example
 * ```ts
 * const settled: SettledMappingState = input.Enabled === false ? 'Disabled' : 'Enabled';
 * ```
 */
export type SettledMappingState = 'Enabled' | 'Disabled';

/**
 * An event source mapping as the service answers it (its `State` as the store holds it, `LastModified`
 * kept as an ISO string), where a transition leads (`settlesTo`), its place in listings and its tags.
 *
 * @example
 * ```ts
 * const mapping = lambda.state.region('us-east-1').eventSourceMappings.get(UUID);
 * expect(mapping?.configuration.State).toBe('Enabled');
 * ```
 */
export interface EventSourceMappingRecord {
  readonly configuration: Readonly<Omit<EventSourceMappingConfiguration, 'LastModified'>>;
  readonly lastModified: string;
  /** Set while a transition is under way (`settle: 'on-read'` or `'manual'`): the state it completes to. */
  readonly settlesTo?: SettledMappingState;
  /** Creation order: ListEventSourceMappings lists oldest first. */
  readonly order: number;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * One invocation record the service sent to a destination after an asynchronous invoke (an
 * `OnSuccess` or `OnFailure` destination of the invoked function's, version's or alias's event invoke
 * config). `record` is the JSON document the destination receives.
 *
 * @example
 * ```ts
 * const [delivery] = lambda.state.region('us-east-1').destinationDeliveries.values();
 * expect(delivery?.record.requestContext.condition).toBe('RetriesExhausted');
 * ```
 */
export interface DestinationDeliveryRecord {
  /** Delivery order in the region, from 0. */
  readonly sequence: number;
  readonly functionName: string;
  readonly outcome: 'OnSuccess' | 'OnFailure';
  /** The destination's ARN: an SQS queue, SNS topic, Lambda function, EventBridge bus or (on failure) S3 bucket. */
  readonly destination: string;
  readonly record: InvocationRecord;
}

/**
 * The invocation record Lambda sends to a destination, as the service documents it.
 *
 * @example
 * ```ts
 * const record: InvocationRecord = delivery.record;
 * expect(record.requestContext).toMatchObject({ condition: 'Success', approximateInvokeCount: 1 });
 * ```
 */
export interface InvocationRecord {
  readonly version: '1.0';
  readonly timestamp: string;
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: 'Success' | 'RetriesExhausted' | 'EventAgeExceeded';
    readonly approximateInvokeCount: number;
  };
  readonly requestPayload: unknown;
  readonly responseContext?: { readonly statusCode: number; readonly executedVersion: string; readonly functionError?: 'Handled' | 'Unhandled' };
  readonly responsePayload?: unknown;
}

/**
 * A code signing config as the service answers it, and its tags.
 *
 * @example
 * ```ts
 * const csc = lambda.state.region('us-east-1').codeSigningConfigs.get(CodeSigningConfigArn);
 * expect(csc?.config.CodeSigningPolicies?.UntrustedArtifactOnDeployment).toBe('Warn');
 * ```
 */
export interface CodeSigningConfigRecord {
  readonly config: Readonly<CodeSigningConfig>;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * A capacity provider as the service answers it, and its tags.
 *
 * @example
 * ```ts
 * const provider = lambda.state.region('us-east-1').capacityProviders.get('fleet');
 * expect(provider?.provider.State).toBe('Active');
 * ```
 */
export interface CapacityProviderRecord {
  readonly provider: Readonly<CapacityProvider>;
  readonly tags: Readonly<Record<string, string>>;
}

/** The name of a per-region collection. */
export type CollectionName = keyof RegionCollections;
