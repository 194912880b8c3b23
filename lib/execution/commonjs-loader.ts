import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const posix = path.posix;
const builtins = new Set(builtinModules);

interface LoadedModule {
  exports: unknown;
  readonly filename: string;
  loaded: boolean;
}

/** Whether the code is ES module syntax-wise: a `.mjs` file, or a `.js` file under a `"type": "module"` package.json. */
export function isEsModule(files: ReadonlyMap<string, Uint8Array>, filename: string): boolean {
  if (filename.endsWith('.mjs')) return true;
  if (!filename.endsWith('.js')) return false;
  for (let dir = posix.dirname(filename); ; dir = posix.dirname(dir)) {
    const manifest = files.get(`${dir}/package.json`);
    if (manifest) {
      try {
        return (JSON.parse(Buffer.from(manifest).toString('utf8')) as { type?: unknown }).type === 'module';
      } catch {
        return false;
      }
    }
    if (dir === '/') return false;
  }
}

/**
 * A CommonJS module system over files held in memory: `require` resolves relative paths, the
 * `node_modules` folders above the requiring file, then `nodePath` (the layers), as Node does; Node's
 * built-in modules, and packages the files do not hold (the AWS SDK the runtime provides), come from
 * the host's own `require`.
 */
export class CommonJsLoader {
  private readonly cache = new Map<string, LoadedModule>();
  private readonly hostRequire = createRequire(`${process.cwd()}/`);

  constructor(
    private readonly files: ReadonlyMap<string, Uint8Array>,
    private readonly nodePath: readonly string[],
  ) {}

  /** Loads an absolute path (already resolved) and answers its exports. */
  load(filename: string): unknown {
    const cached = this.cache.get(filename);
    if (cached) return cached.exports;
    const source = Buffer.from(this.files.get(filename)!).toString('utf8');
    const module: LoadedModule = { exports: {}, filename, loaded: false };
    this.cache.set(filename, module);
    try {
      if (filename.endsWith('.json')) module.exports = JSON.parse(source);
      else {
        const wrapper = vm.runInThisContext(
          `(function (exports, require, module, __filename, __dirname) {${source.replace(/^#!.*/, '')}\n})`,
          { filename },
        ) as (...args: unknown[]) => void;
        wrapper.call(module.exports, module.exports, this.requireFrom(posix.dirname(filename)), module, filename, posix.dirname(filename));
      }
    } catch (error) {
      this.cache.delete(filename);
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }

  /** Resolves a path under the held files as Node would: the file, with an extension, or a folder's main/index. */
  resolveFile(candidate: string): string | undefined {
    for (const file of [candidate, `${candidate}.js`, `${candidate}.json`, `${candidate}.cjs`]) {
      if (this.files.has(file)) return file;
    }
    const manifest = this.files.get(`${candidate}/package.json`);
    if (manifest) {
      try {
        const main = (JSON.parse(Buffer.from(manifest).toString('utf8')) as { main?: unknown }).main;
        if (typeof main === 'string') {
          const resolved = this.resolveFile(posix.join(candidate, main));
          if (resolved) return resolved;
        }
      } catch {
        // An unreadable package.json: Node falls back on index.js too.
      }
    }
    for (const file of [`${candidate}/index.js`, `${candidate}/index.json`]) {
      if (this.files.has(file)) return file;
    }
    return undefined;
  }

  private requireFrom(dir: string): NodeJS.Require {
    const require = ((specifier: string) => {
      const resolved = this.resolve(specifier, dir);
      return resolved === undefined ? this.hostRequire(specifier) : this.load(resolved);
    }) as NodeJS.Require;
    require.resolve = ((specifier: string) => this.resolve(specifier, dir) ?? this.hostRequire.resolve(specifier)) as NodeJS.RequireResolve;
    require.cache = {};
    return require;
  }

  private resolve(specifier: string, dir: string): string | undefined {
    if (specifier.startsWith('node:') || builtins.has(specifier)) return undefined;
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') || specifier === '.' || specifier === '..') {
      const resolved = this.resolveFile(posix.resolve(dir, specifier));
      if (resolved) return resolved;
      throw moduleNotFound(specifier, dir);
    }
    const folders: string[] = [];
    for (let d = dir; ; d = posix.dirname(d)) {
      if (posix.basename(d) !== 'node_modules') folders.push(posix.join(d, 'node_modules'));
      if (d === '/') break;
    }
    for (const folder of [...folders, ...this.nodePath]) {
      const resolved = this.resolveFile(posix.join(folder, specifier));
      if (resolved) return resolved;
    }
    return undefined;
  }
}

const moduleNotFound = (specifier: string, dir: string): Error =>
  Object.assign(new Error(`Cannot find module '${specifier}' from '${dir}'`), { code: 'MODULE_NOT_FOUND' });
