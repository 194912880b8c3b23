import { LambdaClient, type CreateFunctionCommandInput } from '@aws-sdk/client-lambda';
import { zipSync, strToU8 } from 'fflate';

export const ROLE = 'arn:aws:iam::123456789012:role/lambda-role';
export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';

/** A real zip holding one handler file. */
export const zipOf = (source = 'exports.handler = async () => "ok";'): Uint8Array => zipSync({ 'index.js': strToU8(source) });

/** A client with no credentials at all: lambda-mock must never need them. */
export const newClient = (region: string = REGION): LambdaClient => new LambdaClient({ region });

export const createInput = (name: string, extra: Partial<CreateFunctionCommandInput> = {}): CreateFunctionCommandInput => ({
  FunctionName: name,
  Runtime: 'nodejs22.x',
  Handler: 'index.handler',
  Role: ROLE,
  Code: { ZipFile: zipOf() },
  ...extra,
});

export const arnOf = (name: string, qualifier?: string, region: string = REGION): string =>
  `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
