import { ServiceError } from '../../errors/service-error';
import { withoutEntry } from '../../util/name-map';
import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { storedUrlConfig, urlNotFound } from './url-config-ref';

/**
 * DeleteFunctionUrlConfig (204): the URL stops answering; a new one gets a new address. The operation
 * declares no `InvalidParameterValueException`: a qualifier that contradicts the name's is a URL not here.
 */
export const deleteFunctionUrlConfig: OperationHandler<'DeleteFunctionUrlConfig'> = (input, ctx) => {
  let target;
  try {
    target = storedUrlConfig(ctx, input.FunctionName!, input.Qualifier);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'InvalidParameterValueException') throw urlNotFound();
    throw error;
  }
  saveFunction(ctx, { ...target.fn, urlConfigs: withoutEntry(target.fn.urlConfigs, target.key) });
  return {};
};
