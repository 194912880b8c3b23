import vm from 'node:vm';

/**
 * The environments handlers can read: this module's `process.env` (a registered handler's) and the
 * main context's (code loaded from a zip runs there); under jest they are two objects.
 */
const environments = (): NodeJS.ProcessEnv[] => {
  const main = (vm.runInThisContext('process') as NodeJS.Process).env;
  return main === process.env ? [main] : [process.env, main];
};

/** The variables of the executions running now, oldest first. */
const active: Readonly<Record<string, string>>[] = [];
/** Per environment, what each variable an execution set held before any did (`undefined`: absent). */
const originals = new WeakMap<NodeJS.ProcessEnv, Map<string, string | undefined>>();

function originalsOf(env: NodeJS.ProcessEnv): Map<string, string | undefined> {
  let values = originals.get(env);
  if (!values) originals.set(env, (values = new Map()));
  return values;
}

/** The value the newest running execution gives `name`, if any does. */
function newestSetting(name: string): string | undefined {
  for (let i = active.length - 1; i >= 0; i--) {
    if (Object.prototype.hasOwnProperty.call(active[i], name)) return active[i]![name];
  }
  return undefined;
}

/**
 * Sets `variables` in `process.env` and answers how to put back what was there (values, or absence).
 * Executions overlapping in time share the one `process.env`: each sees the variables set last. They
 * may end in any order (an `Event` invoke a handler makes outlives it): when one ends, each of its
 * variables takes the value of the newest execution still running that sets it, else its original one.
 */
export function applyEnvironment(variables: Readonly<Record<string, string>>): () => void {
  for (const env of environments()) {
    const saved = originalsOf(env);
    for (const [name, value] of Object.entries(variables)) {
      if (!saved.has(name)) saved.set(name, Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined);
      env[name] = value;
    }
  }
  active.push(variables);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    active.splice(active.indexOf(variables), 1);
    for (const env of environments()) {
      const saved = originalsOf(env);
      for (const name of Object.keys(variables)) {
        const newest = newestSetting(name);
        if (newest !== undefined) {
          env[name] = newest;
          continue;
        }
        const original = saved.get(name);
        saved.delete(name);
        if (original === undefined) delete env[name];
        else env[name] = original;
      }
    }
  };
}
