/**
 * `npm run example` (after `npm run build`): type-checks the examples against the build, runs the
 * scripts, then each example project's tests, as its users would run them.
 */
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE_PROJECTS, EXAMPLE_SCRIPTS, runNode, testCommand, type RunResult } from './example-projects';

const examples = __dirname;
const root = path.resolve(examples, '..');

/** Each project's `lambda-mock` is this repository, as `npm install` of its `file:../..` dependency links it. */
function linkPackage(dir: string): void {
  const modules = path.join(examples, dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  rmSync(path.join(modules, 'lambda-mock'), { recursive: true, force: true });
  symlinkSync(path.relative(modules, root), path.join(modules, 'lambda-mock'), 'dir');
}

function report(title: string, result: RunResult): boolean {
  console.log(`\n=== ${title} (${result.seconds.toFixed(1)} s)\n${result.output.trimEnd()}`);
  if (!result.ok) console.log(`\n✗ ${title} failed`);
  return result.ok;
}

async function main(): Promise<void> {
  for (const project of EXAMPLE_PROJECTS) linkPackage(project.dir);
  let ok = report('type check', await runNode([require.resolve('typescript/bin/tsc'), '-p', path.join(examples, 'tsconfig.json')], root));
  for (const script of EXAMPLE_SCRIPTS) {
    ok = report(`examples/${script}`, await runNode(['--import', 'tsx', path.join(examples, script)], root)) && ok;
  }
  for (const project of EXAMPLE_PROJECTS) {
    ok = report(`examples/${project.dir}: ${project.about}`, await runNode(testCommand(project, root), path.join(examples, project.dir))) && ok;
  }
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
