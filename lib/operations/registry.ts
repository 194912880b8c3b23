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
import { createAlias } from './aliases/create-alias';
import { deleteAlias } from './aliases/delete-alias';
import { getAlias } from './aliases/get-alias';
import { listAliases } from './aliases/list-aliases';
import { updateAlias } from './aliases/update-alias';
import { addLayerVersionPermission } from './layers/add-layer-version-permission';
import { deleteLayerVersion } from './layers/delete-layer-version';
import { getLayerVersion } from './layers/get-layer-version';
import { getLayerVersionByArn } from './layers/get-layer-version-by-arn';
import { getLayerVersionPolicy } from './layers/get-layer-version-policy';
import { listLayerVersions } from './layers/list-layer-versions';
import { listLayers } from './layers/list-layers';
import { publishLayerVersion } from './layers/publish-layer-version';
import { removeLayerVersionPermission } from './layers/remove-layer-version-permission';
import { addPermission } from './policies/add-permission';
import { deleteResourcePolicy } from './policies/delete-resource-policy';
import { getPolicy } from './policies/get-policy';
import { getResourcePolicy } from './policies/get-resource-policy';
import { putResourcePolicy } from './policies/put-resource-policy';
import { removePermission } from './policies/remove-permission';
import { createCapacityProvider } from './capacity-providers/create-capacity-provider';
import { deleteCapacityProvider } from './capacity-providers/delete-capacity-provider';
import { getCapacityProviderHandler } from './capacity-providers/get-capacity-provider';
import { listCapacityProviders } from './capacity-providers/list-capacity-providers';
import { listFunctionVersionsByCapacityProvider } from './capacity-providers/list-function-versions-by-capacity-provider';
import { updateCapacityProvider } from './capacity-providers/update-capacity-provider';
import { createCodeSigningConfig } from './code-signing/create-code-signing-config';
import { deleteCodeSigningConfig } from './code-signing/delete-code-signing-config';
import { deleteFunctionCodeSigningConfig } from './code-signing/delete-function-code-signing-config';
import { getCodeSigningConfigHandler } from './code-signing/get-code-signing-config';
import { getFunctionCodeSigningConfig } from './code-signing/get-function-code-signing-config';
import { listCodeSigningConfigs } from './code-signing/list-code-signing-configs';
import { listFunctionsByCodeSigningConfig } from './code-signing/list-functions-by-code-signing-config';
import { putFunctionCodeSigningConfig } from './code-signing/put-function-code-signing-config';
import { updateCodeSigningConfig } from './code-signing/update-code-signing-config';
import { checkpointDurableExecution } from './durable-executions/checkpoint-durable-execution';
import { getDurableExecution } from './durable-executions/get-durable-execution';
import { getDurableExecutionHistory } from './durable-executions/get-durable-execution-history';
import { getDurableExecutionState } from './durable-executions/get-durable-execution-state';
import { listDurableExecutionsByFunction } from './durable-executions/list-durable-executions-by-function';
import { sendDurableExecutionCallbackFailure } from './durable-executions/send-durable-execution-callback-failure';
import { sendDurableExecutionCallbackHeartbeat } from './durable-executions/send-durable-execution-callback-heartbeat';
import { sendDurableExecutionCallbackSuccess } from './durable-executions/send-durable-execution-callback-success';
import { stopDurableExecution } from './durable-executions/stop-durable-execution';
import { deleteFunctionEventInvokeConfig } from './event-invoke-configs/delete-function-event-invoke-config';
import { getFunctionEventInvokeConfig } from './event-invoke-configs/get-function-event-invoke-config';
import { listFunctionEventInvokeConfigs } from './event-invoke-configs/list-function-event-invoke-configs';
import { putFunctionEventInvokeConfig } from './event-invoke-configs/put-function-event-invoke-config';
import { updateFunctionEventInvokeConfig } from './event-invoke-configs/update-function-event-invoke-config';
import { createEventSourceMapping } from './event-source-mappings/create-event-source-mapping';
import { createFunctionUrlConfig } from './function-urls/create-function-url-config';
import { deleteFunctionUrlConfig } from './function-urls/delete-function-url-config';
import { getFunctionUrlConfig } from './function-urls/get-function-url-config';
import { listFunctionUrlConfigs } from './function-urls/list-function-url-configs';
import { updateFunctionUrlConfig } from './function-urls/update-function-url-config';
import { deleteEventSourceMapping } from './event-source-mappings/delete-event-source-mapping';
import { getEventSourceMapping } from './event-source-mappings/get-event-source-mapping';
import { listEventSourceMappings } from './event-source-mappings/list-event-source-mappings';
import { updateEventSourceMapping } from './event-source-mappings/update-event-source-mapping';
import { getFunctionRecursionConfig } from './recursion/get-function-recursion-config';
import { putFunctionRecursionConfig } from './recursion/put-function-recursion-config';
import { getRuntimeManagementConfig } from './runtime-management/get-runtime-management-config';
import { putRuntimeManagementConfig } from './runtime-management/put-runtime-management-config';
import { getFunctionScalingConfig } from './scaling/get-function-scaling-config';
import { putFunctionScalingConfig } from './scaling/put-function-scaling-config';
import type { OperationHandler } from './operation-handler';
import { listTags } from './tags/list-tags';
import { tagResource } from './tags/tag-resource';
import { untagResource } from './tags/untag-resource';
import { listVersionsByFunction } from './versions/list-versions-by-function';
import { publishVersion } from './versions/publish-version';

/** Every operation lambda-mock answers, by name. Adding one: its handler file, then one line here. */
export const handlers: { readonly [Op in OperationName]?: OperationHandler<Op> } = {
  AddLayerVersionPermission: addLayerVersionPermission,
  AddPermission: addPermission,
  CheckpointDurableExecution: checkpointDurableExecution,
  CreateAlias: createAlias,
  CreateCapacityProvider: createCapacityProvider,
  CreateCodeSigningConfig: createCodeSigningConfig,
  CreateEventSourceMapping: createEventSourceMapping,
  CreateFunction: createFunction,
  CreateFunctionUrlConfig: createFunctionUrlConfig,
  DeleteAlias: deleteAlias,
  DeleteCapacityProvider: deleteCapacityProvider,
  DeleteCodeSigningConfig: deleteCodeSigningConfig,
  DeleteEventSourceMapping: deleteEventSourceMapping,
  DeleteFunction: deleteFunction,
  DeleteFunctionCodeSigningConfig: deleteFunctionCodeSigningConfig,
  DeleteFunctionConcurrency: deleteFunctionConcurrency,
  DeleteFunctionEventInvokeConfig: deleteFunctionEventInvokeConfig,
  DeleteFunctionUrlConfig: deleteFunctionUrlConfig,
  DeleteLayerVersion: deleteLayerVersion,
  DeleteProvisionedConcurrencyConfig: deleteProvisionedConcurrencyConfig,
  DeleteResourcePolicy: deleteResourcePolicy,
  GetAccountSettings: getAccountSettings,
  GetAlias: getAlias,
  GetCapacityProvider: getCapacityProviderHandler,
  GetCodeSigningConfig: getCodeSigningConfigHandler,
  GetDurableExecution: getDurableExecution,
  GetDurableExecutionHistory: getDurableExecutionHistory,
  GetDurableExecutionState: getDurableExecutionState,
  GetEventSourceMapping: getEventSourceMapping,
  GetFunction: getFunction,
  GetFunctionCodeSigningConfig: getFunctionCodeSigningConfig,
  GetFunctionConcurrency: getFunctionConcurrency,
  GetFunctionConfiguration: getFunctionConfiguration,
  GetFunctionEventInvokeConfig: getFunctionEventInvokeConfig,
  GetFunctionRecursionConfig: getFunctionRecursionConfig,
  GetFunctionScalingConfig: getFunctionScalingConfig,
  GetFunctionUrlConfig: getFunctionUrlConfig,
  GetLayerVersion: getLayerVersion,
  GetLayerVersionByArn: getLayerVersionByArn,
  GetLayerVersionPolicy: getLayerVersionPolicy,
  GetPolicy: getPolicy,
  GetProvisionedConcurrencyConfig: getProvisionedConcurrencyConfig,
  GetResourcePolicy: getResourcePolicy,
  GetRuntimeManagementConfig: getRuntimeManagementConfig,
  Invoke: invoke,
  InvokeAsync: invokeAsync,
  InvokeWithResponseStream: invokeWithResponseStream,
  ListAliases: listAliases,
  ListCapacityProviders: listCapacityProviders,
  ListCodeSigningConfigs: listCodeSigningConfigs,
  ListDurableExecutionsByFunction: listDurableExecutionsByFunction,
  ListEventSourceMappings: listEventSourceMappings,
  ListFunctionEventInvokeConfigs: listFunctionEventInvokeConfigs,
  ListFunctionUrlConfigs: listFunctionUrlConfigs,
  ListFunctionVersionsByCapacityProvider: listFunctionVersionsByCapacityProvider,
  ListFunctions: listFunctions,
  ListFunctionsByCodeSigningConfig: listFunctionsByCodeSigningConfig,
  ListLayerVersions: listLayerVersions,
  ListLayers: listLayers,
  ListProvisionedConcurrencyConfigs: listProvisionedConcurrencyConfigs,
  ListTags: listTags,
  ListVersionsByFunction: listVersionsByFunction,
  PublishLayerVersion: publishLayerVersion,
  PublishVersion: publishVersion,
  PutFunctionCodeSigningConfig: putFunctionCodeSigningConfig,
  PutFunctionConcurrency: putFunctionConcurrency,
  PutFunctionEventInvokeConfig: putFunctionEventInvokeConfig,
  PutFunctionRecursionConfig: putFunctionRecursionConfig,
  PutFunctionScalingConfig: putFunctionScalingConfig,
  PutProvisionedConcurrencyConfig: putProvisionedConcurrencyConfig,
  PutResourcePolicy: putResourcePolicy,
  PutRuntimeManagementConfig: putRuntimeManagementConfig,
  RemoveLayerVersionPermission: removeLayerVersionPermission,
  RemovePermission: removePermission,
  SendDurableExecutionCallbackFailure: sendDurableExecutionCallbackFailure,
  SendDurableExecutionCallbackHeartbeat: sendDurableExecutionCallbackHeartbeat,
  SendDurableExecutionCallbackSuccess: sendDurableExecutionCallbackSuccess,
  StopDurableExecution: stopDurableExecution,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateAlias: updateAlias,
  UpdateCapacityProvider: updateCapacityProvider,
  UpdateCodeSigningConfig: updateCodeSigningConfig,
  UpdateEventSourceMapping: updateEventSourceMapping,
  UpdateFunctionCode: updateFunctionCode,
  UpdateFunctionConfiguration: updateFunctionConfiguration,
  UpdateFunctionEventInvokeConfig: updateFunctionEventInvokeConfig,
  UpdateFunctionUrlConfig: updateFunctionUrlConfig,
};
