import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { OPT_ROOT } from './code-files';

/**
 * `import()` from the main context, with Node's own loader: it works even where the caller's
 * `import()` does not (jest's sandbox without `--experimental-vm-modules`).
 */
let importModule: ((specifier: string) => Promise<Record<string, unknown>>) | undefined;
// Made on first use: Node warns once that this loader option is experimental, only for code that needs it.
const importer = () =>
  (importModule ??= vm.runInThisContext('(specifier) => import(specifier)', {
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  } as vm.RunningScriptOptions) as (specifier: string) => Promise<Record<string, unknown>>);

/** Every folder code was written to, so that stack traces can name `/var/task/…` as in Lambda. */
const writtenRoots = new Set<string>();

/** `text` with this process's code folders replaced by the execution environment's paths (`/var/task/…`). */
export const environmentPaths = (text: string): string => {
  for (const base of writtenRoots) text = text.split(base).join('');
  return text;
};

/**
 * ES module code, which Node loads only from files: each code version is written once to its own
 * folder under the OS temp folder (`var/task`, `opt`, and the layers' packages in a `node_modules`
 * above the task root so bare imports find them), and removed by `dispose()`.
 */
export class EsModuleFolders {
  private base: string | undefined;
  private count = 0;

  /** Writes `files` (absolute in-environment paths) to a new folder; answers how to map an in-environment path there. */
  write(files: ReadonlyMap<string, Uint8Array>): (inEnvironment: string) => string {
    this.base ??= mkdtempSync(path.join(os.tmpdir(), 'lambda-mock-'));
    const root = path.join(this.base, String(++this.count));
    writtenRoots.add(root);
    const put = (target: string, bytes: Uint8Array): void => {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    };
    const layerPackages = `${OPT_ROOT}/nodejs/node_modules/`;
    for (const [file, bytes] of files) {
      put(path.join(root, file), bytes);
      if (file.startsWith(layerPackages)) put(path.join(root, 'node_modules', file.slice(layerPackages.length)), bytes);
    }
    return (inEnvironment) => path.join(root, inEnvironment);
  }

  /** Imports a file written by `write`. */
  import(file: string): Promise<Record<string, unknown>> {
    return importer()(pathToFileURL(file).href);
  }

  dispose(): void {
    if (this.base) rmSync(this.base, { recursive: true, force: true });
    this.base = undefined;
  }
}
