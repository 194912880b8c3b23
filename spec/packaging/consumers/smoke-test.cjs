// What both smoke scripts check, with the SDK classes and the mockLambda their module system loaded.
const path = require('node:path');

// The smallest zip there is (an end-of-central-directory record alone): the consumer needs no zip library.
const EMPTY_ZIP = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

async function smokeTest(sdk, mockLambda, moduleSystem) {
  const lambda = mockLambda();
  try {
    const client = new sdk.LambdaClient({ region: 'eu-west-1' });
    const created = await client.send(
      new sdk.CreateFunctionCommand({
        FunctionName: 'smoke',
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::123456789012:role/smoke',
        Code: { ZipFile: EMPTY_ZIP },
      }),
    );
    lambda.setInvokeResults(['{"ok":true}']);
    const invoked = await client.send(new sdk.InvokeCommand({ FunctionName: 'smoke', Payload: '{"n":1}' }));
    const error = await client.send(new sdk.GetFunctionCommand({ FunctionName: 'missing' })).catch((e) => e);
    const snapshot = JSON.parse(JSON.stringify(lambda.snapshot()));
    lambda.restore();

    const seeded = mockLambda({ seed: snapshot });
    const reread = await client.send(new sdk.GetFunctionCommand({ FunctionName: 'smoke' }));
    seeded.restore();

    const lambdaMockDir = path.dirname(require.resolve('lambda-mock/package.json'));
    return {
      moduleSystem,
      sdkVersion: require('@aws-sdk/client-lambda/package.json').version,
      // lambda-mock uses the consumer's SDK (its peer dependency), not a copy of its own.
      sharedSdk: require.resolve('@aws-sdk/client-lambda', { paths: [lambdaMockDir] }) === require.resolve('@aws-sdk/client-lambda'),
      createdArn: created.FunctionArn,
      payload: invoked.Payload && Buffer.from(invoked.Payload).toString(),
      errorIsConsumersClass: error instanceof sdk.ResourceNotFoundException,
      status: error.$metadata && error.$metadata.httpStatusCode,
      seededCodeSha256: reread.Configuration.CodeSha256 === created.CodeSha256,
    };
  } finally {
    lambda.restore();
  }
}

module.exports = { smokeTest };
