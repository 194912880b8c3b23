import type {
  CreateFunctionCommandInput,
  FunctionConfiguration,
  UpdateFunctionConfigurationCommandInput,
} from '@aws-sdk/client-lambda';
import { createHash } from 'node:crypto';
import { invalidParameter } from '../../errors/service-error';
import type { OperationContext } from '../operation-handler';
import { functionLayers } from '../layers/function-layers';

/** The configuration members CreateFunction and UpdateFunctionConfiguration share. */
export type ConfigurationInput = Omit<UpdateFunctionConfigurationCommandInput, 'FunctionName' | 'RevisionId'>;

/** Runtimes the service no longer accepts for new or updated functions. */
const BLOCKED_RUNTIMES = new Set([
  'nodejs', 'nodejs4.3', 'nodejs4.3-edge', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x',
  'nodejs16.x', 'python2.7', 'python3.6', 'python3.7', 'python3.8', 'dotnetcore1.0', 'dotnetcore2.0',
  'dotnetcore2.1', 'dotnetcore3.1', 'dotnet6', 'go1.x', 'ruby2.5', 'ruby2.7', 'java8',
]);

/** Environment variable keys the runtime sets itself. */
const RESERVED_ENVIRONMENT_KEYS = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
]);

function checkRuntime(runtime: string | undefined): void {
  if (runtime !== undefined && BLOCKED_RUNTIMES.has(runtime)) {
    throw invalidParameter(
      `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.`,
    );
  }
}

function checkEnvironment(variables: Record<string, string> | undefined): void {
  if (!variables) return;
  const reserved = Object.keys(variables).filter((key) => RESERVED_ENVIRONMENT_KEYS.has(key));
  if (reserved.length > 0) {
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  const size = Object.entries(variables).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v ?? ''), 0);
  if (size > 4096) {
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${JSON.stringify(variables)}`,
    );
  }
}

const runtimeVersionArn = (ctx: OperationContext, runtime: string): string =>
  `arn:${ctx.partition}:lambda:${ctx.region}::runtime:${createHash('sha256').update(runtime).digest('hex')}`;

/**
 * Writes the configuration members of a CreateFunction or UpdateFunctionConfiguration request onto
 * a configuration, in the form the service answers them (VpcConfig gains a VpcId, Layers become
 * `{ Arn, CodeSize }` of existing layer versions, …). Members the request leaves out keep their value.
 */
export function applyConfiguration(ctx: OperationContext, target: FunctionConfiguration, input: ConfigurationInput): void {
  checkRuntime(input.Runtime);
  checkEnvironment(input.Environment?.Variables);
  const simple = ['Role', 'Handler', 'Description', 'Timeout', 'MemorySize', 'Runtime', 'KMSKeyArn'] as const;
  for (const key of simple) {
    if (input[key] !== undefined) (target as Record<string, unknown>)[key] = input[key];
  }
  if (input.Runtime !== undefined && target.PackageType !== 'Image') {
    target.RuntimeVersionConfig = { RuntimeVersionArn: runtimeVersionArn(ctx, input.Runtime) };
  }
  if (input.VpcConfig !== undefined) {
    const subnets = input.VpcConfig.SubnetIds ?? [];
    target.VpcConfig = {
      SubnetIds: subnets,
      SecurityGroupIds: input.VpcConfig.SecurityGroupIds ?? [],
      Ipv6AllowedForDualStack: input.VpcConfig.Ipv6AllowedForDualStack ?? false,
      ...(subnets.length > 0 ? { VpcId: `vpc-${createHash('sha1').update(subnets.join()).digest('hex').slice(0, 17)}` } : {}),
    };
  }
  if (input.Environment !== undefined) target.Environment = { Variables: { ...input.Environment.Variables } };
  if (input.DeadLetterConfig !== undefined) target.DeadLetterConfig = input.DeadLetterConfig;
  if (input.TracingConfig !== undefined) target.TracingConfig = { Mode: input.TracingConfig.Mode ?? 'PassThrough' };
  if (input.Layers !== undefined) target.Layers = functionLayers(ctx, input.Layers);
  if (input.FileSystemConfigs !== undefined) target.FileSystemConfigs = input.FileSystemConfigs;
  if (input.ImageConfig !== undefined) target.ImageConfigResponse = { ImageConfig: input.ImageConfig };
  if (input.EphemeralStorage !== undefined) target.EphemeralStorage = { Size: input.EphemeralStorage.Size };
  if (input.SnapStart !== undefined) {
    target.SnapStart = { ApplyOn: input.SnapStart.ApplyOn ?? 'None', OptimizationStatus: input.SnapStart.ApplyOn === 'PublishedVersions' ? 'On' : 'Off' };
  }
  if (input.LoggingConfig !== undefined) target.LoggingConfig = { ...target.LoggingConfig, ...input.LoggingConfig };
}

/** The `$LATEST` configuration a CreateFunction request describes, with every documented default. */
export function newConfiguration(
  ctx: OperationContext,
  input: CreateFunctionCommandInput,
  name: string,
  arn: string,
): FunctionConfiguration {
  const packageType = input.PackageType ?? 'Zip';
  if (packageType === 'Zip' && (input.Runtime === undefined || input.Handler === undefined)) {
    throw invalidParameter('Runtime and Handler are mandatory parameters for functions created with deployment packages.');
  }
  const configuration: FunctionConfiguration = {
    FunctionName: name,
    FunctionArn: arn,
    Description: '',
    Timeout: 3,
    MemorySize: 128,
    Version: '$LATEST',
    TracingConfig: { Mode: 'PassThrough' },
    PackageType: packageType,
    Architectures: input.Architectures ?? ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
  };
  applyConfiguration(ctx, configuration, input);
  return configuration;
}
