// A jest globalSetup runs once, in jest's own process, before the test files run in worker processes.
// A mock installed here cannot answer the workers' clients, so it builds the shared starting state,
// writes a snapshot of it, and names the file in LAMBDA_MOCK_SEED_FILE: the workers inherit the
// variable, and lambda-mock/jest starts each test file's mock from that snapshot.
const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { CreateFunctionCommand, LambdaClient, PublishVersionCommand } = require('@aws-sdk/client-lambda');
const { mockLambda } = require('lambda-mock');

module.exports = async function globalSetup() {
  const lambda = mockLambda();
  try {
    const client = new LambdaClient({ region: 'us-east-1' });
    await client.send(
      new CreateFunctionCommand({
        FunctionName: 'payments',
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::123456789012:role/payments',
        Code: { S3Bucket: 'artifacts', S3Key: 'payments-1.0.0.zip' },
        Environment: { Variables: { CURRENCY: 'EUR' } },
      }),
    );
    await client.send(new PublishVersionCommand({ FunctionName: 'payments', Description: '1.0.0' }));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lambda-mock-')), 'seed.json');
    writeFileSync(file, JSON.stringify(lambda.snapshot()));
    process.env.LAMBDA_MOCK_SEED_FILE = file;
  } finally {
    lambda.restore();
  }
};
