// The code under test: moves a function's `live` alias to a newly published version.
import { CreateAliasCommand, GetAliasCommand, PublishVersionCommand, ResourceNotFoundException, UpdateAliasCommand, type LambdaClient } from '@aws-sdk/client-lambda';

export async function release(client: LambdaClient, functionName: string): Promise<string> {
  const { Version } = await client.send(new PublishVersionCommand({ FunctionName: functionName }));
  const exists = await client.send(new GetAliasCommand({ FunctionName: functionName, Name: 'live' })).then(
    () => true,
    (error: unknown) => {
      if (error instanceof ResourceNotFoundException) return false;
      throw error;
    },
  );
  const target = { FunctionName: functionName, Name: 'live', FunctionVersion: Version! };
  if (exists) await client.send(new UpdateAliasCommand(target));
  else await client.send(new CreateAliasCommand(target));
  return Version!;
}
