import { PublishLayerVersionCommand, type PublishLayerVersionCommandInput } from '@aws-sdk/client-lambda';
import { ACCOUNT, REGION, zipOf, type MockedLambda } from '../../helpers/fixtures';

/** `arn:aws:lambda:us-east-1:123456789012:layer:<name>[:<version>]` */
export const layerArnOf = (name: string, version?: number, region: string = REGION, account: string = ACCOUNT): string =>
  `arn:aws:lambda:${region}:${account}:layer:${name}${version === undefined ? '' : `:${version}`}`;

/** A zip for a layer (its own content, so each layer has its own CodeSha256). */
export const layerZip = (content = 'module.exports = {};'): Uint8Array => zipOf(content);

/** PublishLayerVersion of `name` from a zip. */
export const publishLayer = (mock: MockedLambda, name: string, input: Partial<PublishLayerVersionCommandInput> = {}) =>
  mock.client.send(new PublishLayerVersionCommand({ LayerName: name, Content: { ZipFile: layerZip(name) }, ...input }));

/** The `CreatedDate` format layers use: `2018-11-14T23:03:52.894+0000`. */
export const CREATED_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/;
