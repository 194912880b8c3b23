import vm from 'node:vm';

/**
 * The environments handlers can read: this module's `process.env` (a registered handler's) and the
 * main context's (code loaded from a zip runs there); under jest they are two objects.
 */
const environments = (): NodeJS.ProcessEnv[] => {
  const main = (vm.runInThisContext('process') as NodeJS.Process).env;
  return main === process.env ? [main] : [process.env, main];
};

/**
 * Sets `variables` in `process.env` and answers how to put back what was there (values, or absence).
 * Executions overlapping in time share the one `process.env`: each sees the variables set last.
 */
export function applyEnvironment(variables: Readonly<Record<string, string>>): () => void {
  const restores: (() => void)[] = [];
  for (const env of environments()) {
    const previous = new Map<string, string | undefined>();
    for (const [name, value] of Object.entries(variables)) {
      previous.set(name, Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined);
      env[name] = value;
    }
    restores.push(() => {
      for (const [name, value] of previous) {
        if (value === undefined) delete env[name];
        else env[name] = value;
      }
    });
  }
  return () => restores.forEach((restore) => restore());
}
