import type { InvocationType, LogType } from '@aws-sdk/client-lambda';
import type { LambdaHandler } from './handler-types';

/** Where a function's code comes from: a registered handler, or its zip (and its layers' zips). */
export type CodeSource =
  | { readonly kind: 'handler'; readonly handler: LambdaHandler<never> }
  | {
      readonly kind: 'zip';
      /** Identifies this code and layers: loaded modules are kept per key, as a warm execution environment keeps them. */
      readonly key: string;
      readonly zipBase64: string;
      /** In the function's layer order: a later layer's files win. */
      readonly layerZipsBase64: readonly string[];
    };

/**
 * Everything one execution needs, read from the store while the Invoke command ran: the handler runs
 * after the command committed, from this alone.
 */
export interface ExecutionPlan {
  readonly source: CodeSource;
  readonly requestId: string;
  readonly accountId: string;
  readonly region: string;
  readonly functionName: string;
  readonly qualifier: string | undefined;
  readonly executedVersion: string;
  readonly invokedFunctionArn: string;
  readonly invocationType: InvocationType;
  readonly logType: LogType | undefined;
  /** The request payload, as text (`''` for none). */
  readonly payload: string;
  /** The `Handler` setting (`index.handler`), for zip code. */
  readonly handlerSetting: string;
  readonly runtime: string;
  readonly memorySizeMb: number;
  readonly timeoutSeconds: number;
  readonly environment: Readonly<Record<string, string>>;
}
