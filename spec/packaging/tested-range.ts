/**
 * The oldest @aws-sdk/client-lambda lambda-mock is tested with (the package check installs it into
 * the CommonJS consumer; the first to answer Invoke's Payload as `Uint8ArrayBlobAdapter`, as
 * lambda-mock does). The newest tested is this repository's dev dependency.
 */
export const OLDEST_TESTED_SDK = '3.357.0';
