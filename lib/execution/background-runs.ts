/**
 * The asynchronous executions still running (an `Event` invoke's handler, its retries and its
 * deliveries), so that a test can await them: `lambda.idle()`. A reset abandons them: their retries
 * stop and their outcome is no longer stored.
 */
export class BackgroundRuns {
  private running = new Set<Promise<void>>();
  private generation = 0;
  /** What went wrong inside lambda-mock in a run (never a function error): `idle()` rejects with it. */
  private failure: { readonly error: unknown } | undefined;

  /** Runs `task` in the background; `live()` says whether it is still wanted (no reset since it started). */
  start(task: (live: () => boolean) => Promise<void>): void {
    const generation = this.generation;
    const live = (): boolean => generation === this.generation;
    const running = this.running;
    const done: Promise<void> = task(live)
      .catch((error: unknown) => {
        if (live()) this.failure ??= { error };
      })
      .finally(() => running.delete(done));
    running.add(done);
  }

  /** Resolves once every run started so far, and every run they started, has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
    const { failure } = this;
    this.failure = undefined;
    if (failure) throw failure.error;
  }

  /** Forgets every run: they may finish, but retry no more and store nothing (`reset()`, `restore()`). */
  abandon(): void {
    this.generation += 1;
    this.running = new Set();
    this.failure = undefined;
  }
}
