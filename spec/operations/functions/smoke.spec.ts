import { CreateFunctionCommand, GetFunctionCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { mockLambda } from '../../../lib';
import { createInput, newClient } from '../../helpers/fixtures';

test('smoke', async () => {
  const lambda = mockLambda();
  try {
    const client = newClient();
    const created = await client.send(new CreateFunctionCommand(createInput('fn')));
    console.log(created);
    const got = await client.send(new GetFunctionCommand({ FunctionName: 'fn' }));
    console.log(got);
    const err = await client.send(new GetFunctionCommand({ FunctionName: 'nope' })).catch((e) => e);
    console.log(err, err instanceof ResourceNotFoundException, Object.keys(err));
  } finally {
    lambda.restore();
  }
});
