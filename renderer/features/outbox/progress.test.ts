import { describe, expect, it } from 'vitest';
import { RATE_WINDOW_MS, addSample, drainProgress } from './progress';

describe('drain progress', () => {
  it('counts what went since the drain began, of that plus what waits', () => {
    const samples = [{ at: 0, delivered: 100 }, { at: 10_000, delivered: 150 }];
    expect(drainProgress(100, samples, 450)).toMatchObject({ sent: 50, total: 500 });
  });

  it('estimates the time left from the recent rate', () => {
    // 50 in 10 s is 5/s; 450 left is 90 s.
    const samples = [{ at: 0, delivered: 100 }, { at: 10_000, delivered: 150 }];
    expect(drainProgress(100, samples, 450).remainingMs).toBeCloseTo(90_000);
  });

  it('gives no estimate before anything went, or while nothing goes', () => {
    expect(drainProgress(0, [{ at: 0, delivered: 0 }], 10).remainingMs).toBeNull();
    expect(drainProgress(0, [{ at: 0, delivered: 5 }, { at: 20_000, delivered: 5 }], 10).remainingMs).toBeNull();
  });

  it('follows a change of pace: the rate looks back one window, not to the start', () => {
    let samples = [{ at: 0, delivered: 0 }];
    // Fast for a minute (10/s), then slow (1/s) for a minute.
    for (let s = 1; s <= 60; s++) samples = addSample(samples, { at: s * 1000, delivered: s * 10 });
    for (let s = 61; s <= 120; s++) samples = addSample(samples, { at: s * 1000, delivered: 600 + (s - 60) });
    expect(samples[0]!.at).toBe(120_000 - RATE_WINDOW_MS);
    // 100 left at 1/s.
    expect(drainProgress(0, samples, 100).remainingMs).toBeCloseTo(100_000);
  });
});
