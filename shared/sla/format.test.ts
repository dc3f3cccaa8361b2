import { describe, expect, it } from 'vitest';
import { formatBusinessDuration } from './format';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatBusinessDuration', () => {
  it('shows hours and minutes', () => {
    expect(formatBusinessDuration(3 * HOUR + 20 * MIN)).toBe('3h 20m');
  });

  it('shows business days of the given length, then hours', () => {
    // 14h with a 12-hour (720 min) business day = 1d 2h.
    expect(formatBusinessDuration(14 * HOUR, 720)).toBe('1d 2h');
    expect(formatBusinessDuration(24 * HOUR, 720)).toBe('2d');
  });

  it('shows hours past 24 when no business-day length is given', () => {
    expect(formatBusinessDuration(27 * HOUR + 5 * MIN)).toBe('27h 5m');
  });

  it('keeps only the largest unit and the one below it, dropping a zero', () => {
    // 725 min with 720-min days = 1d 0h 5m → "1d".
    expect(formatBusinessDuration(725 * MIN, 720)).toBe('1d');
    expect(formatBusinessDuration(4 * HOUR)).toBe('4h');
    expect(formatBusinessDuration(45 * MIN)).toBe('45m');
  });

  it('truncates to whole minutes so a countdown never overstates the time left', () => {
    expect(formatBusinessDuration(3 * HOUR + 20 * MIN + 59_999)).toBe('3h 20m');
    expect(formatBusinessDuration(59_999)).toBe('0m');
    expect(formatBusinessDuration(0)).toBe('0m');
  });

  it('marks overdue (negative) durations with a minus sign', () => {
    expect(formatBusinessDuration(-(HOUR + 5 * MIN))).toBe('-1h 5m');
    expect(formatBusinessDuration(-30_000)).toBe('0m');
  });

  it('refuses a non-finite duration', () => {
    expect(() => formatBusinessDuration(Number.NaN)).toThrow(RangeError);
  });
});
