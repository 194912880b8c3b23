// The package's manifest, checked without building (the build, the tarball and its installs are
// checked by spec/packaging/check-package.ts in .ci/run: they take a minute or two).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OLDEST_TESTED_SDK } from './tested-range';

const ROOT = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, any>;
const ENTRIES = ['index', 'jest', 'vitest'];

describe('package.json', () => {
  test('exports `.`, `./jest` and `./vitest`, each for import and require, types first', () => {
    expect(Object.keys(manifest.exports)).toEqual(['.', './jest', './vitest', './jest-global-setup', './jest-global-teardown', './package.json']);
    for (const entry of ENTRIES) {
      const key = entry === 'index' ? '.' : `./${entry}`;
      expect(manifest.exports[key]).toEqual({
        import: { types: `./dist/esm/${entry}.d.ts`, default: `./dist/esm/${entry}.js` },
        require: { types: `./dist/cjs/${entry}.d.ts`, default: `./dist/cjs/${entry}.js` },
      });
      expect(Object.keys(manifest.exports[key].import)[0]).toBe('types');
      expect(existsSync(path.join(ROOT, 'lib', `${entry}.ts`))).toBe(true);
    }
    expect(manifest.main).toBe('./dist/cjs/index.js');
    expect(manifest.types).toBe('./dist/cjs/index.d.ts');
    // TypeScript's older `node` resolution, which knows no exports map, finds the subpaths' types here.
    expect(manifest.typesVersions['*']).toMatchObject({ jest: ['./dist/cjs/jest.d.ts'], vitest: ['./dist/cjs/vitest.d.ts'] });
  });

  test("server mode's jest global set-up and teardown are entries too", () => {
    for (const entry of ['jest-global-setup', 'jest-global-teardown']) {
      expect(manifest.exports[`./${entry}`]).toEqual({
        import: { types: `./dist/esm/${entry}.d.ts`, default: `./dist/esm/${entry}.js` },
        require: { types: `./dist/cjs/server/${entry}.d.ts`, default: `./dist/cjs/server/${entry}.js` },
      });
      expect(manifest.typesVersions['*'][entry]).toEqual([`./dist/cjs/server/${entry}.d.ts`]);
      expect(existsSync(path.join(ROOT, 'lib', 'server', `${entry}.ts`))).toBe(true);
    }
  });

  test('the build makes each entry of the exports map', () => {
    const build = readFileSync(path.join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    const built = [...build.matchAll(/^ {2}'?([\w-]+)'?: \{ from: '([\w/-]+)', kind: '(\w+)' \},$/gm)].map(([, entry, from]) => [entry, from]);
    expect(built).toEqual([
      ['index', 'index'],
      ['jest', 'jest'],
      ['vitest', 'vitest'],
      ['jest-global-setup', 'server/jest-global-setup'],
      ['jest-global-teardown', 'server/jest-global-teardown'],
    ]);
    for (const [entry] of built) expect(Object.keys(manifest.exports)).toContain(entry === 'index' ? '.' : `./${entry}`);
  });

  test('ships only the build, the command, and the notices', () => {
    expect(manifest.files).toEqual(['dist', 'bin', 'NOTICE', 'CHANGELOG.md']);
    for (const target of Object.values(manifest.bin as Record<string, string>)) expect(existsSync(path.join(ROOT, target))).toBe(true);
  });

  test('only the runner entries, which install the mock when loaded, have side effects', () => {
    expect(manifest.sideEffects).toEqual(['./dist/*/jest.js', './dist/*/vitest.js']);
    expect(manifest.type).toBe('commonjs');
  });

  test('the peer range starts at the oldest SDK tested, which the README states', () => {
    expect(manifest.peerDependencies['@aws-sdk/client-lambda']).toBe(`^${OLDEST_TESTED_SDK}`);
    const newest = manifest.devDependencies['@aws-sdk/client-lambda'].replace(/^\^/, '');
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`@aws-sdk/client-lambda\` ${OLDEST_TESTED_SDK} to ${newest}`);
  });

  test('build, example and package-check scripts', () => {
    expect(manifest.scripts).toMatchObject({
      build: 'node scripts/build.mjs',
      prepack: 'npm run build',
      example: 'npm run build && tsx examples/run-examples.ts',
      'check:package': 'tsx spec/packaging/check-package.ts',
    });
    expect(manifest.scripts.test).toBe('vitest run --config vitest.config.mts && jest');
  });
});
