// `npm run build`: dist/cjs, the CommonJS build of lib/ with its declarations (tsc), and dist/esm, the
// entry points for `import`. Those load the very modules of the CommonJS build, so that a project that
// both imports and requires lambda-mock (jest resolves `setupFilesAfterEnv` with `require` even in an
// ESM project) has one copy of it: one mock, one set of error classes. `lambda-mock` and
// `lambda-mock/jest` re-export the CommonJS entry; `lambda-mock/vitest` is compiled as an ES module,
// since the `vitest` it imports cannot be required; server mode's jest global set-up and teardown
// re-export the CommonJS module's default export as theirs.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ts = require('typescript');
const dist = path.join(root, 'dist');

/** How each entry point of the exports map (dist/esm/<name>.js) is built for `import`, from which module of lib/. */
const ENTRIES = {
  index: { from: 'index', kind: 'reexport' },
  jest: { from: 'jest', kind: 'reexport' },
  vitest: { from: 'vitest', kind: 'compile' },
  'jest-global-setup': { from: 'server/jest-global-setup', kind: 'default' },
  'jest-global-teardown': { from: 'server/jest-global-teardown', kind: 'default' },
};

rmSync(dist, { recursive: true, force: true });
await promisify(execFile)(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root }).catch((error) => {
  process.stdout.write(error.stdout ?? '');
  throw new Error('tsc -p tsconfig.build.json failed');
});

mkdirSync(path.join(dist, 'esm'));
// Each build says which module system its .js and .d.ts files are, whatever the package's "type".
writeFileSync(path.join(dist, 'esm', 'package.json'), `${JSON.stringify({ type: 'module' })}\n`);
writeFileSync(path.join(dist, 'cjs', 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);

/** Relative imports (`./x`, of code or declarations) pointed at the CommonJS build's files. */
const toCommonJsBuild = (text) =>
  text.replace(/(\bfrom\s*|\bimport\s*\(?\s*)(['"])\.\/([^'"]+)\2/g, (_, lead, quote, file) => `${lead}${quote}../cjs/${file}.js${quote}`);

/** An ES module compiled from lib/, loading the rest of lambda-mock from the CommonJS build. */
function compileToEsm(entry) {
  const source = readFileSync(path.join(root, 'lib', `${entry}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false, isolatedModules: true },
  });
  return toCommonJsBuild(outputText);
}

for (const [entry, { from, kind }] of Object.entries(ENTRIES)) {
  const cjs = `../cjs/${from}.js`;
  if (kind === 'default') {
    // `import` of a CommonJS module answers its module.exports: its default export is a member of it.
    writeFileSync(path.join(dist, 'esm', `${entry}.js`), `import cjs from '${cjs}';\nexport default cjs.default;\n`);
    writeFileSync(path.join(dist, 'esm', `${entry}.d.ts`), `import cjs from '${cjs}';\ndeclare const entry: typeof cjs.default;\nexport default entry;\n`);
    continue;
  }
  writeFileSync(path.join(dist, 'esm', `${entry}.js`), kind === 'reexport' ? `export * from '${cjs}';\n` : compileToEsm(from));
  // The entry's own declarations, read as an ES module: `declare module 'vitest'` must augment the
  // types an ES module importing vitest sees (vitest declares them apart for require and import).
  writeFileSync(path.join(dist, 'esm', `${entry}.d.ts`), toCommonJsBuild(readFileSync(path.join(dist, 'cjs', `${from}.d.ts`), 'utf8')));
}

// Node finds a CommonJS module's names by reading its source: check that `import` sees every one.
const required = Object.keys(require(path.join(dist, 'cjs', 'index.js'))).filter((name) => name !== '__esModule');
const imported = Object.keys(await import(pathToFileURL(path.join(dist, 'esm', 'index.js')).href));
const missing = required.filter((name) => !imported.includes(name));
if (missing.length > 0) throw new Error(`dist/esm/index.js does not export ${missing.join(', ')}`);
console.log(`built dist/cjs and dist/esm (${required.length} exports)`);
