import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App } from './app-type.ts';
import { Foreground } from './foreground.ts';
import { registerForeground } from './foreground-hooks.ts';

/** Whether a promise has settled, after the microtasks and immediates queued so far. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('long work between interactive requests', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes straight on when no request is in flight', async () => {
    vi.useFakeTimers();
    const foreground = new Foreground(3, 1_000);
    expect(await settled(foreground.turn(200))).toBe(true);
  });

  it('waits for the requests in flight to finish', async () => {
    vi.useFakeTimers();
    const foreground = new Foreground(3, 1_000);
    foreground.begin();
    foreground.begin();
    const turn = foreground.turn(200);
    expect(await settled(turn)).toBe(false);
    foreground.end();
    expect(await settled(turn)).toBe(false);
    foreground.end();
    expect(await settled(turn)).toBe(true);
  });

  it('waits at most three times its own step while requests keep coming, and never more than the cap', async () => {
    vi.useFakeTimers();
    const foreground = new Foreground(3, 1_000);
    foreground.begin();
    const short = foreground.turn(100);
    await vi.advanceTimersByTimeAsync(299);
    expect(await settled(short)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(short)).toBe(true);

    const long = foreground.turn(5_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(await settled(long)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(long)).toBe(true);
  });

  it('counts every request but those of routes that run long work, and forgets each one when it is answered', async () => {
    const foreground = new Foreground();
    const app = Fastify() as unknown as App;
    registerForeground(app, foreground);
    app.get('/typing', async () => ({ busy: foreground.busy }));
    app.post('/import', { config: { longWork: true } }, async () => ({ busy: foreground.busy }));
    app.get('/failing', async () => {
      throw new Error('broken');
    });
    await app.ready();
    expect((await app.inject({ method: 'GET', url: '/typing' })).json()).toEqual({ busy: 1 });
    expect((await app.inject({ method: 'POST', url: '/import' })).json()).toEqual({ busy: 0 });
    expect((await app.inject({ method: 'GET', url: '/failing' })).statusCode).toBe(500);
    expect((await app.inject({ method: 'GET', url: '/no-such-route' })).statusCode).toBe(404);
    expect(foreground.busy).toBe(0);
    await app.close();
  });
});
