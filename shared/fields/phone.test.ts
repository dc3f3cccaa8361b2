import { describe, expect, it } from 'vitest';
import { checkUsPhone, normalizeUsPhone, usPhoneField } from './phone';

describe('US phone', () => {
  it.each([
    '(555) 123-4567',
    '555-123-4567',
    '555.123.4567',
    '+1 555 123 4567',
    '5551234567',
    '1-555-123-4567',
    '+1 (555) 123-4567',
    '  555 123 4567  ',
  ])('accepts %s and normalizes it to (555) 123-4567', (raw) => {
    expect(normalizeUsPhone(raw)).toBe('(555) 123-4567');
    expect(usPhoneField('Callback phone').parse(raw)).toBe('(555) 123-4567');
  });

  it.each(['555-123-456', '55512345678', '555-1234', '+44 20 7946 0958', '555-CALL-NOW', '+2 555 123 4567'])(
    'rejects %s as not a 10-digit US number',
    (raw) => {
      const result = usPhoneField('Callback phone').safeParse(raw);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Callback phone: must be a 10-digit US number');
    },
  );

  it.each(['(055) 123-4567', '155-123-4567', '+1 055 123 4567'])(
    'rejects %s because an area code cannot start with 0 or 1',
    (raw) => {
      expect(checkUsPhone(raw)).toEqual({ ok: false, reason: 'area code cannot start with 0 or 1' });
    },
  );

  it.each(['911-123-4567', '(411) 555-1212', '211.555.1212'])(
    'rejects the N11 service code in %s',
    (raw) => {
      const result = checkUsPhone(raw);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.reason).toMatch(/service code/);
    },
  );

  it('reports a blank phone as required, naming the field', () => {
    const result = usPhoneField('Callback phone').safeParse('  ');
    expect(result.error?.issues[0]?.message).toBe('Callback phone: is required');
  });

  it('reads an 11-digit number starting with 1 as the country code', () => {
    expect(normalizeUsPhone('12345678901')).toBe('(234) 567-8901');
  });
});
