export { mockLambda } from './mock-lambda';
export type { CommandClass, InvokeResultsTarget, LambdaMock, MockLambdaOptions } from './mock-lambda';
export type { LambdaControls } from './mock-lambda';
export { startLambdaServer } from './server/lambda-server';
export type { LambdaServer, LambdaServerOptions } from './server/lambda-server';
export { connectLambdaServer } from './server/remote-lambda';
export type { LambdaStateDocument, RemoteLambda } from './server/remote-lambda';
export type { InvokeResult, StoredInvokeResult } from './invoke/invoke-result';
export type { LambdaInvocation } from './invoke/invocation';
export type { FunctionUrlCaller, FunctionUrlRequest, FunctionUrlResponse } from './urls/function-url-types';
export type { ExecuteMode, HandlerSource, LambdaCallback, LambdaContext, LambdaHandler, SetHandlerOptions } from './execution/handler-types';
export type { LambdaCall } from './backend/lambda-call';
export type { LambdaState, ReadonlyList, ReadonlyTable, RegionState } from './store/state';
export type { FunctionState, FunctionVersionState, ProvisionedConcurrencyState, StoredCode } from './store/records';
export type { CapacityProviderRecord, CodeSigningConfigRecord } from './store/records';
export type { DestinationDeliveryRecord, EventInvokeConfigRecord, EventSourceMappingRecord, InvocationRecord, SettledMappingState } from './store/records';
export type { DurableExecutionRecord } from './operations/durable-executions/execution-record';
export type { LayerPolicyState, LayerState, LayerVersionState, PolicyDocument, PolicyStatement } from './store/records';
export type { ConcurrencyQuota, SettleMode } from './operations/operation-handler';
export { UnhandledCommandError } from './errors/unhandled-command-error';
export { UninterceptedLambdaRequestError } from './interception/network-guard';
export { getLambdaMockPlugin, lambdaMockMiddleware, lambdaMockMiddlewareOptions } from './interception/middleware';
export type { LambdaMockMiddlewareConfig } from './interception/middleware';
export {
  ec2Throttled,
  functionTimeout,
  FunctionTimeoutFault,
  kmsAccessDenied,
  resourceNotReady,
  serviceException,
  ServiceFault,
  tooManyRequests,
} from './faults/faults';
export type { FaultOptions, LambdaFault, TooManyRequestsOptions } from './faults/faults';
export type { CommandBehaviour, InputPattern, OverrideOptions, OverrideOutput, Rejection } from './faults/command-behaviour';
export type { LambdaSnapshot, RegionSnapshot } from './snapshot/snapshot';
export type { JsonValue } from './snapshot/json-codec';
export { lambdaMatchers } from './matchers/lambda-matchers';
export type { FunctionLocation, InvokedWith, LambdaMatchers, PartialDeep } from './matchers/matcher-types';
export type { MatcherContext, MatcherResult, MatcherUtils } from './matchers/matcher-context';
