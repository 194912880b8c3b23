import { BackgroundRuns } from '../../lib/execution/background-runs';

// lambda-mock's own failures inside a background run cannot be caused through the client: the class is driven directly.
describe('BackgroundRuns', () => {
  it('idle() rejects once with what failed inside a run, then resolves', async () => {
    const runs = new BackgroundRuns();
    const failure = new Error('store write failed');
    runs.start(async () => {
      throw failure;
    });
    await expect(runs.idle()).rejects.toBe(failure);
    await expect(runs.idle()).resolves.toBeUndefined();
  });

  it('abandon() forgets the runs: live() turns false, idle() no longer waits, their failures are dropped', async () => {
    const runs = new BackgroundRuns();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let liveAfterAbandon: boolean | undefined;
    let finished: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    runs.start(async (live) => {
      await gate;
      liveAfterAbandon = live();
      finished();
      throw new Error('too late');
    });
    runs.abandon();
    await expect(runs.idle()).resolves.toBeUndefined();
    release();
    await done;
    // The run's own rejection is handled after it: one turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    expect(liveAfterAbandon).toBe(false);
    await expect(runs.idle()).resolves.toBeUndefined();
  });
});
