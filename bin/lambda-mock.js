#!/usr/bin/env node
'use strict';
// The `lambda-mock` command (`npx lambda-mock serve [--port 4010]`). It runs the built CLI
// (dist/cjs/cli.js, from `npm run build`) when there is one, as in the published package; otherwise,
// as in this repository before a build, it runs the TypeScript source (lib/cli.ts) through tsx.
// LAMBDA_MOCK_CLI_FROM_SOURCE=1 runs the source even when a build exists (this repository's own specs).
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist', 'cjs', 'cli.js');

function loadCli() {
  if (existsSync(built) && process.env.LAMBDA_MOCK_CLI_FROM_SOURCE !== '1') return require(built);
  try {
    require('tsx/cjs');
  } catch {
    process.stderr.write('lambda-mock: the CLI is not built (no dist/cjs/cli.js) and tsx is not installed to run its source: run `npm run build`.\n');
    process.exit(1);
  }
  return require(path.join(root, 'lib', 'cli.ts'));
}

loadCli()
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`lambda-mock: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
