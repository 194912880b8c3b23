import * as ClientLambda from '@aws-sdk/client-lambda';
import Module from 'node:module';

/** The exports of one loaded copy of `@aws-sdk/client-lambda`. */
export type LambdaSdk = typeof ClientLambda;

const ENTRY = /[\\/]@aws-sdk[\\/]client-lambda[\\/]dist-cjs[\\/]index\.js$/;

function isLambdaSdk(value: unknown): value is LambdaSdk {
  const candidate = value as Partial<LambdaSdk> | null;
  return (
    typeof candidate?.LambdaClient === 'function' &&
    typeof candidate.LambdaServiceException === 'function' &&
    typeof candidate.GetFunctionCommand === 'function'
  );
}

/**
 * Every copy of `@aws-sdk/client-lambda` loaded in this process: the one lambda-mock resolves
 * (the peer dependency, as the user's code resolves it) and any other copy Node has loaded, e.g.
 * from another `node_modules` folder. Node loads the CommonJS build for both `require` and `import`.
 */
export function loadedLambdaSdks(): LambdaSdk[] {
  const found = new Set<LambdaSdk>([ClientLambda]);
  const cache = (Module as unknown as { _cache?: Record<string, { exports?: unknown } | undefined> })._cache ?? {};
  for (const [file, entry] of Object.entries(cache)) {
    if (ENTRY.test(file) && isLambdaSdk(entry?.exports)) found.add(entry.exports);
  }
  return [...found];
}

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * Calls `onLoad` for every copy of `@aws-sdk/client-lambda` that Node loads from now on,
 * until the returned function is called.
 */
export function watchLambdaSdkLoads(onLoad: (sdk: LambdaSdk) => void): () => void {
  const mod = Module as unknown as { _load: Load };
  const original = mod._load;
  let active = true;
  const watching: Load = function (this: unknown, request, parent, isMain) {
    const exports = original.call(this, request, parent, isMain);
    if (active && request.includes('client-lambda') && isLambdaSdk(exports)) onLoad(exports);
    return exports;
  };
  mod._load = watching;
  return () => {
    // Another hook may have wrapped ours since: then ours stays in the chain, but inert.
    active = false;
    if (mod._load === watching) mod._load = original;
  };
}
