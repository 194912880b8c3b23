import { CreateEventSourceMappingCommand, type CreateEventSourceMappingCommandInput, type LambdaClient } from '@aws-sdk/client-lambda';
import { ACCOUNT, REGION } from '../../helpers/fixtures';

export const QUEUE = `arn:aws:sqs:${REGION}:${ACCOUNT}:orders-queue`;
export const FIFO_QUEUE = `arn:aws:sqs:${REGION}:${ACCOUNT}:orders.fifo`;
export const KINESIS = `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/orders-stream`;
export const DYNAMODB = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders/stream/2024-01-01T00:00:00.000`;
export const MSK = `arn:aws:kafka:${REGION}:${ACCOUNT}:cluster/orders-cluster/abcd1234-ab12-cd34-ef56-abcdef123456-1`;
export const MQ = `arn:aws:mq:${REGION}:${ACCOUNT}:broker:orders-broker:b-12345678-1234-1234-1234-123456789012`;
export const DOCUMENTDB = `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:orders-docdb`;
export const SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:kafka-credentials`;

/** The mapping's ARN, as the service forms it. */
export const mappingArnOf = (uuid: string, region: string = REGION): string => `arn:aws:lambda:${region}:${ACCOUNT}:event-source-mapping:${uuid}`;

/** A UUID as the service writes it. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** CreateEventSourceMapping of the SQS queue to `orders` unless `input` says otherwise; answers the whole answer. */
export const createMapping = (client: LambdaClient, input: Partial<CreateEventSourceMappingCommandInput> = {}) =>
  client.send(new CreateEventSourceMappingCommand({ FunctionName: 'orders', EventSourceArn: QUEUE, ...input }));

/** The same, answering only the new mapping's UUID. */
export const mappingOf = async (client: LambdaClient, input: Partial<CreateEventSourceMappingCommandInput> = {}): Promise<string> =>
  (await createMapping(client, input)).UUID!;
