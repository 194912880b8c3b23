import { resourceConflict } from '../../errors/service-error';
import type { OperationHandler } from '../operation-handler';
import { functionsUsing, getCodeSigningConfig } from './code-signing-config-ref';

/** DeleteCodeSigningConfig (204): only a config no function uses; otherwise the service's 409. */
export const deleteCodeSigningConfig: OperationHandler<'DeleteCodeSigningConfig'> = (input, ctx) => {
  const arn = input.CodeSigningConfigArn!;
  getCodeSigningConfig(ctx, arn);
  const users = functionsUsing(ctx, arn);
  if (users.length > 0) {
    throw resourceConflict(`The code signing configuration ${arn} cannot be deleted because it is used by the following functions: [${users.join(', ')}]`);
  }
  ctx.table('codeSigningConfigs').delete(arn);
  return {};
};
