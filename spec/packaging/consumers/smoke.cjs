// Run by spec/packaging/check-package.ts inside the CommonJS consumer: lambda-mock as `require` loads it
// from the packed tarball, with the consumer's own @aws-sdk/client-lambda. Prints one JSON line.
const { CreateFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient, ResourceNotFoundException } = require('@aws-sdk/client-lambda');
const { mockLambda } = require('lambda-mock');
const { smokeTest } = require('./smoke-test.cjs');

smokeTest({ CreateFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient, ResourceNotFoundException }, mockLambda, 'commonjs').then(
  (result) => console.log(JSON.stringify(result)),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
