import { describe, expect, it } from 'vitest';
import { Admission } from '../../src/pipeline/admission.js';

/** A job that finishes when the test says so; records when it started. */
function controllable(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const job = () =>
    new Promise<void>((resolve, reject) => {
      log.push(name);
      finish = resolve;
      fail = reject;
    });
  return { job, finish: () => finish(), fail: (error: Error) => fail(error) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Admission', () => {
  it('keeps at most the per-host limit running, in the order submitted, and starts the next as one finishes', async () => {
    const admission = new Admission({ perHost: () => 2, total: 100 });
    const started: string[] = [];
    const jobs = ['a1', 'a2', 'a3', 'a4'].map((name) => controllable(started, name));
    const done = jobs.map((job) => admission.submit('a.test', job.job));
    await tick();
    expect(started).toEqual(['a1', 'a2']);
    jobs[1]!.finish();
    await tick();
    expect(started).toEqual(['a1', 'a2', 'a3']);
    jobs[0]!.finish();
    jobs[2]!.finish();
    await tick();
    jobs[3]!.finish();
    await Promise.all(done);
    expect(started).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(admission.admitted).toBe(0);
  });

  it('keeps the total under its limit, and lets a held-back host in when any job finishes', async () => {
    const admission = new Admission({ perHost: () => 5, total: 2 });
    const started: string[] = [];
    const a = controllable(started, 'a');
    const b = controllable(started, 'b');
    const c = controllable(started, 'c');
    const done = [admission.submit('a.test', a.job), admission.submit('b.test', b.job), admission.submit('c.test', c.job)];
    await tick();
    expect(started).toEqual(['a', 'b']);
    a.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    b.finish();
    c.finish();
    await Promise.all(done);
  });

  it('passes a failure on and still frees the place', async () => {
    const admission = new Admission({ perHost: () => 1, total: 10 });
    const started: string[] = [];
    const first = controllable(started, 'first');
    const second = controllable(started, 'second');
    const failed = admission.submit('a.test', first.job);
    const next = admission.submit('a.test', second.job);
    await tick();
    first.fail(new Error('boom'));
    await expect(failed).rejects.toThrow('boom');
    await tick();
    expect(started).toEqual(['first', 'second']);
    second.finish();
    await next;
  });

  it('runs thousands of jobs for one host without losing or reordering any', async () => {
    const admission = new Admission({ perHost: () => 16, total: 512 });
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 5000 }, (_, n) =>
        admission.submit('big.test', async () => {
          order.push(n);
          await Promise.resolve();
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 5000 }, (_, n) => n));
  });
});
