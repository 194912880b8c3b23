/**
 * The run's robustness figures: how many sequences, inputs and commands each spec tried. Each spec
 * file counts its own and prints them once, after its last test, so that `npm test` shows them.
 */

/** Runs of a property per `npm test`: `base`, or `LAMBDA_MOCK_FUZZ_RUNS` times more for a nightly-style run. */
export function runs(base: number): number {
  const factor = Number(process.env.LAMBDA_MOCK_FUZZ_RUNS ?? '1');
  return Number.isFinite(factor) && factor > 0 ? Math.round(base * factor) : base;
}

/** A seed from `LAMBDA_MOCK_FUZZ_SEED`, to replay a failure fast-check reported. */
export const seed = (): { seed?: number } => {
  const value = process.env.LAMBDA_MOCK_FUZZ_SEED;
  return value === undefined || value === '' ? {} : { seed: Number(value) };
};

/** Named counters of one spec file, printed by `printFigures` in `afterAll`. */
export class Figures {
  private readonly counts = new Map<string, number>();

  constructor(private readonly title: string) {}

  add(name: string, n = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Registers the `afterAll` that prints the figures as one line. */
  printAfterAll(): void {
    afterAll(() => {
      const parts = [...this.counts].map(([name, n]) => `${n.toLocaleString('en-US')} ${name}`);
      console.log(`robustness — ${this.title}: ${parts.join(', ')}`);
    });
  }
}
