/**
 * A small deterministic random source (mulberry32): the same seed gives the same sequence of numbers
 * in [0, 1), on every machine and Node version. Not for anything secret.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random(); // the same first number for seed 42, every run
 * ```
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
