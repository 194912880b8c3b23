// Run by spec/packaging/check-package.ts inside the ES module consumer: lambda-mock as `import` loads it
// from the packed tarball, with the consumer's own @aws-sdk/client-lambda. Prints one JSON line.
import { CreateFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { mockLambda } from 'lambda-mock';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { smokeTest } = require('./smoke-test.cjs');
const result = await smokeTest({ CreateFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient, ResourceNotFoundException }, mockLambda, 'module');
// `import` and `require` give the very same module: one mock, one set of classes.
console.log(JSON.stringify({ ...result, sameModuleForRequire: require('lambda-mock').mockLambda === mockLambda }));
