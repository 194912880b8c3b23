import { unzipSync } from 'fflate';

/** Where the runtime puts the function's code and its layers. */
export const TASK_ROOT = '/var/task';
export const OPT_ROOT = '/opt';

/**
 * The files an execution environment holds, by absolute path: the function's zip under `/var/task`,
 * its layers' zips merged under `/opt` (a later layer's file wins, as Lambda extracts them in order).
 */
export function codeFiles(zipBase64: string, layerZipsBase64: readonly string[]): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const extract = (base64: string, root: string): void => {
    for (const [name, bytes] of Object.entries(unzipSync(Buffer.from(base64, 'base64')))) {
      if (!name.endsWith('/')) files.set(`${root}/${name.replace(/^\.?\/+/, '')}`, bytes);
    }
  };
  for (const layer of layerZipsBase64) extract(layer, OPT_ROOT);
  extract(zipBase64, TASK_ROOT);
  return files;
}

/** The Node.js runtime's `NODE_PATH`: layer packages, then the task root. */
export const nodePath = (runtime: string): string[] => {
  const major = /^nodejs(\d+)/.exec(runtime)?.[1];
  return [...(major ? [`${OPT_ROOT}/nodejs/node${major}/node_modules`] : []), `${OPT_ROOT}/nodejs/node_modules`, TASK_ROOT];
};
