import type { OperationName } from '../model/operation-types';
import { createFunction } from './functions/create-function';
import { deleteFunction } from './functions/delete-function';
import { getFunction } from './functions/get-function';
import { getFunctionConfiguration } from './functions/get-function-configuration';
import { listFunctions } from './functions/list-functions';
import { updateFunctionCode } from './functions/update-function-code';
import { updateFunctionConfiguration } from './functions/update-function-configuration';
import { deleteFunctionConcurrency } from './concurrency/delete-function-concurrency';
import { deleteProvisionedConcurrencyConfig } from './concurrency/delete-provisioned-concurrency-config';
import { getAccountSettings } from './concurrency/get-account-settings';
import { getFunctionConcurrency } from './concurrency/get-function-concurrency';
import { getProvisionedConcurrencyConfig } from './concurrency/get-provisioned-concurrency-config';
import { listProvisionedConcurrencyConfigs } from './concurrency/list-provisioned-concurrency-configs';
import { putFunctionConcurrency } from './concurrency/put-function-concurrency';
import { putProvisionedConcurrencyConfig } from './concurrency/put-provisioned-concurrency-config';
import { invoke } from './invocation/invoke';
import { invokeAsync } from './invocation/invoke-async';
import { invokeWithResponseStream } from './invocation/invoke-with-response-stream';
import type { OperationHandler } from './operation-handler';
import { listTags } from './tags/list-tags';
import { tagResource } from './tags/tag-resource';
import { untagResource } from './tags/untag-resource';
import { listVersionsByFunction } from './versions/list-versions-by-function';
import { publishVersion } from './versions/publish-version';

/** Every operation lambda-mock answers, by name. Adding one: its handler file, then one line here. */
export const handlers: { readonly [Op in OperationName]?: OperationHandler<Op> } = {
  CreateFunction: createFunction,
  DeleteFunction: deleteFunction,
  DeleteFunctionConcurrency: deleteFunctionConcurrency,
  DeleteProvisionedConcurrencyConfig: deleteProvisionedConcurrencyConfig,
  GetAccountSettings: getAccountSettings,
  GetFunction: getFunction,
  GetFunctionConcurrency: getFunctionConcurrency,
  GetFunctionConfiguration: getFunctionConfiguration,
  GetProvisionedConcurrencyConfig: getProvisionedConcurrencyConfig,
  Invoke: invoke,
  InvokeAsync: invokeAsync,
  InvokeWithResponseStream: invokeWithResponseStream,
  ListFunctions: listFunctions,
  ListProvisionedConcurrencyConfigs: listProvisionedConcurrencyConfigs,
  ListTags: listTags,
  ListVersionsByFunction: listVersionsByFunction,
  PublishVersion: publishVersion,
  PutFunctionConcurrency: putFunctionConcurrency,
  PutProvisionedConcurrencyConfig: putProvisionedConcurrencyConfig,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateFunctionCode: updateFunctionCode,
  UpdateFunctionConfiguration: updateFunctionConfiguration,
};
