import { ACCOUNT, REGION } from '../../helpers/fixtures';

export const QUEUE = `arn:aws:sqs:${REGION}:${ACCOUNT}:invocation-records`;
export const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:invocation-records`;
export const BUS = `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`;
export const BUCKET = 'arn:aws:s3:::failed-invocations';

/** The service's 404 for a function, version or alias without an event invoke config. */
export const noConfig = (functionArn: string): string => `The function ${functionArn} doesn't have an EventInvokeConfig`;

/** What every config answers when no destination is set. */
export const NO_DESTINATIONS = { OnSuccess: {}, OnFailure: {} };
