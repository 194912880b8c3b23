import type { OperationName } from '../model/operation-types';
import { createFunction } from './functions/create-function';
import { deleteFunction } from './functions/delete-function';
import { getFunction } from './functions/get-function';
import { getFunctionConfiguration } from './functions/get-function-configuration';
import { listFunctions } from './functions/list-functions';
import { updateFunctionCode } from './functions/update-function-code';
import { updateFunctionConfiguration } from './functions/update-function-configuration';
import type { OperationHandler } from './operation-handler';
import { listTags } from './tags/list-tags';
import { tagResource } from './tags/tag-resource';
import { untagResource } from './tags/untag-resource';
import { listVersionsByFunction } from './versions/list-versions-by-function';
import { publishVersion } from './versions/publish-version';

/** Every operation lambda-mock answers, by name. Adding one: its handler file, then one line here. */
export const handlers: { readonly [Op in OperationName]?: OperationHandler<Op> } = {
  CreateFunction: createFunction,
  DeleteFunction: deleteFunction,
  GetFunction: getFunction,
  GetFunctionConfiguration: getFunctionConfiguration,
  ListFunctions: listFunctions,
  ListTags: listTags,
  ListVersionsByFunction: listVersionsByFunction,
  PublishVersion: publishVersion,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateFunctionCode: updateFunctionCode,
  UpdateFunctionConfiguration: updateFunctionConfiguration,
};
