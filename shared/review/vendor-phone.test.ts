import { describe, expect, it } from 'vitest';
import { vendorPhoneAdvice } from './vendor-phone';

describe('phone advice after forwarding a vendor case', () => {
  it('says to submit first, then call and use the existing case (press 1), for Critical and High', () => {
    for (const priority of ['critical', 'high'] as const) {
      const advice = vendorPhoneAdvice(priority) ?? '';
      expect(advice).toMatch(/Submit the case .* first, then call/);
      expect(advice).toContain('press 1 (existing case)');
      expect(advice).not.toMatch(/press 2/i);
    }
  });

  it('asks for no call on Medium or Low', () => {
    expect(vendorPhoneAdvice('medium')).toBeNull();
    expect(vendorPhoneAdvice('low')).toBeNull();
  });
});
