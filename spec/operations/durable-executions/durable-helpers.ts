import {
  CheckpointDurableExecutionCommand,
  InvokeCommand,
  type DurableConfig,
  type InvokeCommandInput,
  type LambdaClient,
  type OperationUpdate,
} from '@aws-sdk/client-lambda';
import type { LambdaMock } from '../../../lib';
import { arnOf, REGION, type MockedLambda } from '../../helpers/fixtures';

/** A durable function's settings: a one-hour execution timeout. */
export const DURABLE: DurableConfig = { ExecutionTimeout: 3600 };

/** `<qualified function ARN>/durable-execution/<name>/<id>`, with any name and id unless given. */
export const executionArnPattern = (fn: string, version = '$LATEST', name = '[a-zA-Z0-9_-]+'): RegExp =>
  new RegExp(`^${arnOf(fn, version).replace(/\$/g, '\\$')}/durable-execution/${name}/[a-f0-9-]{36}$`);

/** Creates a durable function (`DURABLE` unless other settings are given). */
export const createDurable = (mock: MockedLambda, name: string, durableConfig: DurableConfig = DURABLE, extra = {}) =>
  mock.create(name, { DurableConfig: durableConfig, ...extra });

/** Invokes asynchronously, which leaves the execution RUNNING for the test to drive; answers its ARN. */
export async function startExecution(client: LambdaClient, input: Partial<InvokeCommandInput> & { FunctionName: string }): Promise<string> {
  const { DurableExecutionArn } = await client.send(new InvokeCommand({ InvocationType: 'Event', Payload: Buffer.from('{"order":1}'), ...input }));
  return DurableExecutionArn!;
}

/** The stored execution, as `lambda.state` shows it. */
export const storedExecution = (lambda: LambdaMock, arn: string) => lambda.state.region(REGION).durableExecutions.get(arn);

/** The execution's current checkpoint token, as the function's invocation event would carry it. */
export const tokenOf = (lambda: LambdaMock, arn: string): string => storedExecution(lambda, arn)!.checkpointToken!;

/** One CheckpointDurableExecution call. */
export const checkpoint = (client: LambdaClient, arn: string, token: string, updates: OperationUpdate[] = [], ClientToken?: string) =>
  client.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: arn, CheckpointToken: token, Updates: updates, ClientToken }));

/** Fakes only the clock (`Date`), at `now`: the SDK's own timers keep running. */
export function fakeClock(now: string): void {
  jest.useFakeTimers({ now: new Date(now), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
}
