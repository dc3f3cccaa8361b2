import { describe, expect, it } from 'vitest';
import { simulateStorm } from './storm';

// The storm simulation at a tenth of the bench's size (the figures are in npm run bench): what
// must hold whatever the policy's numbers, with answers lost after the commit ten times as often.
describe('a reconnect storm, simulated with the real outbox state machine and throttle', () => {
  it.each([1, 2, 3])('delivers every escalation exactly once and drains (seed %i)', (seed) => {
    const f = simulateStorm({ clients: 200, perClient: 20, capacity: 20, lostAnswerRate: 0.02, seed });
    expect(f.duplicates).toBe(0);
    expect(f.undelivered).toBe(0);
    expect(f.lookups).toBeGreaterThan(0);
    expect(f.refused).toBeGreaterThan(0);
    // Nothing like the herd that honours Retry-After: 1 exactly: 13-14x capacity every second
    // at this size without the throttle, 1.25-1.35x with it.
    expect(f.peakAfter10s / 20).toBeLessThan(4);
    expect(f.drainMs / f.idealMs).toBeLessThan(3);
  });
});
