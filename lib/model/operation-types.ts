import type * as Sdk from '@aws-sdk/client-lambda';

type SdkExports = typeof Sdk;

/** The name of every operation the installed `@aws-sdk/client-lambda` has a command for, e.g. `GetFunction`. */
export type OperationName = {
  [K in keyof SdkExports]: K extends `${infer Op}Command`
    ? Op extends '$' | ''
      ? never
      : SdkExports[K] extends abstract new (...args: never[]) => unknown
        ? Op
        : never
    : never;
}[keyof SdkExports];

type CommandOf<Op extends OperationName> = InstanceType<SdkExports[`${Op}Command`]>;

/** The SDK's input type of an operation (`GetFunctionCommandInput` for `GetFunction`). */
export type InputOf<Op extends OperationName> = CommandOf<Op>['input'];

/** The SDK's output type of an operation (`GetFunctionCommandOutput` for `GetFunction`). */
export type OutputOf<Op extends OperationName> =
  CommandOf<Op> extends Sdk.$Command<
    InputOf<Op>,
    infer O,
    Sdk.LambdaClientResolvedConfig,
    Sdk.ServiceInputTypes,
    Sdk.ServiceOutputTypes
  >
    ? O
    : never;
