import type { OperationHandler } from '../operation-handler';
import { getCodeSigningConfig } from './code-signing-config-ref';

/** GetCodeSigningConfig: one config, by ARN. */
export const getCodeSigningConfigHandler: OperationHandler<'GetCodeSigningConfig'> = (input, ctx) => ({
  CodeSigningConfig: getCodeSigningConfig(ctx, input.CodeSigningConfigArn!).config,
});
