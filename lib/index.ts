export { mockLambda } from './mock-lambda';
export type { CommandClass, LambdaMock, MockLambdaOptions } from './mock-lambda';
export type { LambdaCall } from './backend/lambda-call';
export type { LambdaState, ReadonlyTable, RegionState } from './store/state';
export type { FunctionState, FunctionVersionState, StoredCode } from './store/records';
export type { SettleMode } from './operations/operation-handler';
export { UnhandledCommandError } from './errors/unhandled-command-error';
export { getLambdaMockPlugin, lambdaMockMiddleware, lambdaMockMiddlewareOptions } from './interception/middleware';
export type { LambdaMockMiddlewareConfig } from './interception/middleware';
