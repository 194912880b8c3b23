import path from 'node:path';
import { codeFiles, nodePath, TASK_ROOT } from './code-files';
import { CommonJsLoader, isEsModule } from './commonjs-loader';
import type { EsModuleFolders } from './es-module-loader';
import type { LambdaHandler } from './handler-types';
import { runtimeError, runtimeErrorPayload, type RuntimeErrorPayload } from './runtime-error';

/** A loaded handler, or the error the runtime reports when it cannot load it (an init error). */
export type LoadedHandler = { readonly handler: LambdaHandler<never> } | { readonly initError: RuntimeErrorPayload };

/** `src/orders.handle.main` → module `src/orders`, export path `handle.main`, as the runtime splits it. */
function splitHandler(setting: string): { modulePath: string; exportPath: string[] } | undefined {
  const slash = setting.lastIndexOf('/');
  const dot = setting.indexOf('.', slash + 1);
  if (dot <= slash + 1 || dot === setting.length - 1) return undefined;
  return { modulePath: setting.slice(0, dot), exportPath: setting.slice(dot + 1).split('.') };
}

/** The export the handler setting names, or the runtime's error when it is not a function. */
function handlerIn(exports: unknown, setting: string, exportPath: readonly string[]): LoadedHandler {
  let value: unknown = exports;
  for (const name of exportPath) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[name];
  if (value === undefined) return { initError: runtimeError('Runtime.HandlerNotFound', `${setting} is undefined or not exported`) };
  if (typeof value !== 'function') return { initError: runtimeError('Runtime.HandlerNotFound', `${setting} is not a function`) };
  return { handler: value as LambdaHandler<never> };
}

/** What a module that throws while it loads reports: a syntax error as the runtime's own type. */
function loadError(error: unknown): RuntimeErrorPayload {
  const payload = runtimeErrorPayload(error);
  return payload.errorType === 'SyntaxError'
    ? runtimeError('Runtime.UserCodeSyntaxError', `SyntaxError: ${payload.errorMessage}`)
    : payload;
}

/**
 * Loads the handler a function's `Handler` setting names from its zip and layers: CommonJS from
 * memory, ES modules (`.mjs`, or `"type": "module"`) from a folder `folders` writes.
 */
export async function loadHandler(
  setting: string,
  runtime: string,
  zipBase64: string,
  layerZipsBase64: readonly string[],
  folders: EsModuleFolders,
): Promise<LoadedHandler> {
  const parts = splitHandler(setting);
  if (!parts) return { initError: runtimeError('Runtime.MalformedHandlerName', 'Bad handler') };
  let files: Map<string, Uint8Array>;
  try {
    files = codeFiles(zipBase64, layerZipsBase64);
  } catch (error) {
    return { initError: runtimeError('Runtime.ImportModuleError', `Error: cannot unzip the function's code: ${String(error)}`) };
  }
  const base = path.posix.join(TASK_ROOT, parts.modulePath);
  const file = [`${base}.js`, `${base}.mjs`, `${base}.cjs`].find((f) => files.has(f));
  if (!file) {
    const name = path.posix.basename(parts.modulePath);
    return { initError: runtimeError('Runtime.ImportModuleError', `Error: Cannot find module '${name}'\nRequire stack:\n- /var/runtime/index.mjs`) };
  }
  try {
    if (isEsModule(files, file)) {
      const located = folders.write(files);
      return handlerIn(await folders.import(located(file)), setting, parts.exportPath);
    }
    return handlerIn(new CommonJsLoader(files, nodePath(runtime)).load(file), setting, parts.exportPath);
  } catch (error) {
    return { initError: loadError(error) };
  }
}
