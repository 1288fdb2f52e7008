import { describe, expect, it } from 'vitest';
import { HostScheduler, type Clock } from '../../src/check/scheduler.js';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../../src/check/settings.js';

/** A clock that moves only when the scheduler sleeps (to the end of the sleep). */
function fakeClock(): Clock & { slept: number[] } {
  let now = 1_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      await Promise.resolve();
      now += ms;
    },
  };
}

function settings(overrides: Partial<CheckSettings>): CheckSettings {
  return { ...DEFAULT_CHECK_SETTINGS, hosts: {}, ...overrides };
}

/** A task that records its start and stays in flight until `release` (all at once, or one at a time). */
function recorder(clock: Clock) {
  const starts: Array<{ name: string; at: number }> = [];
  const running: Array<() => void> = [];
  let now = 0;
  let most = 0;
  const task = (name: string) => (): Promise<string> =>
    new Promise((resolve) => {
      starts.push({ name, at: clock.now() });
      now += 1;
      most = Math.max(most, now);
      running.push(() => {
        now -= 1;
        resolve(name);
      });
    });
  const settle = async (): Promise<void> => {
    for (let round = 0; round < 50; round += 1) await Promise.resolve();
  };
  return {
    starts,
    task,
    get most() {
      return most;
    },
    get inFlight() {
      return now;
    },
    async releaseAll(): Promise<void> {
      while (running.length > 0) running.shift()!();
      await settle();
    },
    settle,
  };
}

describe('host scheduler', () => {
  it('keeps each host to its limit and the whole run to the global one, first come first served', async () => {
    const clock = fakeClock();
    const scheduler = new HostScheduler(settings({ perHost: 2, concurrency: 3, intervalMs: 0 }), clock);
    const r = recorder(clock);
    const done = [
      ...['a1', 'a2', 'a3', 'a4'].map((name) => scheduler.run('a.example:443', r.task(name))),
      ...['b1', 'b2'].map((name) => scheduler.run('b.example:443', r.task(name))),
    ];
    await r.settle();
    expect(r.starts.map((start) => start.name)).toEqual(['a1', 'a2', 'b1']);
    for (let round = 0; round < 4 && r.inFlight > 0; round += 1) await r.releaseAll();
    expect(await Promise.all(done)).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'b2']);
    expect(r.starts.filter((start) => start.name.startsWith('a')).map((start) => start.name)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(r.most).toBeLessThanOrEqual(3);
    expect(scheduler.maxInFlight).toBe(3);
    expect(scheduler.hostStats()['a.example:443']).toEqual({ requests: 4, maxInFlight: 2, rateLimited: 0 });
  });

  it('spaces the starts to one host by the interval, with one timer for the host however many wait', async () => {
    const clock = fakeClock();
    const scheduler = new HostScheduler(settings({ perHost: 8, intervalMs: 10 }), clock);
    const r = recorder(clock);
    const done = ['1', '2', '3', '4'].map((name) => scheduler.run('a.example:443', r.task(name)));
    await r.settle();
    await r.releaseAll();
    await Promise.all(done);
    const at = r.starts.map((start) => start.at);
    expect(at).toEqual([1_000, 1_010, 1_020, 1_030]);
    expect(clock.slept).toEqual([10, 10, 10]);
  });

  it('after a 429 pauses the host for everyone waiting and halves how many may run at once', async () => {
    const clock = fakeClock();
    const scheduler = new HostScheduler(settings({ perHost: 4, intervalMs: 0 }), clock);
    const r = recorder(clock);
    const done = Array.from({ length: 8 }, (_, i) => scheduler.run('a.example:443', r.task(`t${i}`)));
    await r.settle();
    expect(r.starts).toHaveLength(4);
    scheduler.pause('a.example:443', clock.now() + 5_000, true);
    await r.releaseAll();
    // The next two start only after the pause, and no more than two at once from now on.
    expect(r.starts.slice(4).map((start) => start.at)).toEqual([6_000, 6_000]);
    await r.releaseAll();
    await r.releaseAll();
    await Promise.all(done);
    expect(r.starts).toHaveLength(8);
    expect(scheduler.hostStats()['a.example:443']?.rateLimited).toBe(1);
  });

  it('lets a request through when an injected sleep does not move the clock, instead of spinning', async () => {
    const scheduler = new HostScheduler(settings({ perHost: 1, intervalMs: 50 }), { now: () => 0, sleep: () => Promise.resolve() });
    const results = await Promise.all(['x', 'y', 'z'].map((name) => scheduler.run('a.example:443', () => Promise.resolve(name))));
    expect(results).toEqual(['x', 'y', 'z']);
  });

  it('passes a failure to its caller only, and frees the slot', async () => {
    const scheduler = new HostScheduler(settings({ perHost: 1, intervalMs: 0 }), fakeClock());
    const failing = scheduler.run('a.example:443', () => Promise.reject(new Error('boom')));
    const next = scheduler.run('a.example:443', () => Promise.resolve('next'));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('serves a long queue on one host in order', async () => {
    const scheduler = new HostScheduler(settings({ perHost: 3, intervalMs: 0 }), fakeClock());
    const order: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 5_000 }, (_, i) =>
        scheduler.run('a.example:443', async () => {
          order.push(i);
          await Promise.resolve();
          return i;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
    expect(order).toEqual(results);
  });
});
