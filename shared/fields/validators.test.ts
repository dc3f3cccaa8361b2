import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, fieldValidator } from './index';
import {
  isoDateField,
  schoolField,
  studentNumberField,
  textField,
  yesNoField,
} from './validators';

function messageOf(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues[0]?.message;
}

describe('student number', () => {
  it('accepts 5 to 10 digits by default and keeps leading zeros', () => {
    expect(studentNumberField('Student number').parse(' 0012345 ')).toBe('0012345');
    expect(studentNumberField('Student number').parse('12345')).toBe('12345');
    expect(studentNumberField('Student number').parse('1234567890')).toBe('1234567890');
  });

  it('rejects letters and wrong lengths with the field named', () => {
    const field = studentNumberField('Student number');
    expect(messageOf(field.safeParse('12a45'))).toBe('Student number: must contain digits only');
    expect(messageOf(field.safeParse('1234'))).toBe('Student number: must be 5 to 10 digits');
    expect(messageOf(field.safeParse('12345678901'))).toBe('Student number: must be 5 to 10 digits');
  });

  it('honours a configured exact length', () => {
    const field = studentNumberField('Student ID', { minLength: 6, maxLength: 6 });
    expect(field.parse('123456')).toBe('123456');
    expect(messageOf(field.safeParse('12345'))).toBe('Student ID: must be 6 digits');
  });
});

describe('date', () => {
  it('accepts real calendar dates including 29 February in a leap year', () => {
    const field = isoDateField('Date of birth');
    expect(field.parse('2024-02-29')).toBe('2024-02-29');
    expect(field.parse('2000-02-29')).toBe('2000-02-29');
  });

  it('rejects impossible dates and other formats', () => {
    const field = isoDateField('Date of birth');
    expect(messageOf(field.safeParse('2023-02-29'))).toBe('Date of birth: must be a real calendar date');
    expect(messageOf(field.safeParse('1900-02-29'))).toBe('Date of birth: must be a real calendar date');
    expect(messageOf(field.safeParse('2024-13-01'))).toBe('Date of birth: must be a real calendar date');
    expect(messageOf(field.safeParse('2024-04-31'))).toBe('Date of birth: must be a real calendar date');
    expect(messageOf(field.safeParse('04/01/2024'))).toBe('Date of birth: must be a date written YYYY-MM-DD');
  });

  it('applies inclusive min and max bounds', () => {
    const field = isoDateField('Absence date', { min: '2024-08-01', max: '2025-06-30' });
    expect(field.parse('2024-08-01')).toBe('2024-08-01');
    expect(messageOf(field.safeParse('2024-07-31'))).toBe('Absence date: must be on or after 2024-08-01');
    expect(messageOf(field.safeParse('2025-07-01'))).toBe('Absence date: must be on or before 2025-06-30');
  });
});

describe('yes/no, school and text', () => {
  it('stores yes/no answers as "yes" or "no"', () => {
    const field = yesNoField('Has a login');
    expect(field.parse('Y')).toBe('yes');
    expect(field.parse(' no ')).toBe('no');
    expect(messageOf(field.safeParse('maybe'))).toBe('Has a login: must be yes or no');
  });

  it('trims school names and collapses inner whitespace', () => {
    expect(schoolField('School').parse('  Cy-Fair   High School ')).toBe('Cy-Fair High School');
    expect(messageOf(schoolField('School').safeParse('   '))).toBe('School: is required');
    expect(messageOf(schoolField('School').safeParse('x'.repeat(121)))).toBe(
      'School: must be at most 120 characters',
    );
  });

  it('enforces text length and pattern with a readable hint', () => {
    const field = textField('Ticket number', { min: 3, max: 8, pattern: '^[A-Z]+-\\d+$', patternHint: 'must look like ABC-123' });
    expect(field.parse(' ABC-123 ')).toBe('ABC-123');
    expect(messageOf(field.safeParse('AB'))).toBe('Ticket number: must be at least 3 characters');
    expect(messageOf(field.safeParse('ABCDE-12345'))).toBe('Ticket number: must be at most 8 characters');
    expect(messageOf(field.safeParse('abc-12'))).toBe('Ticket number: must look like ABC-123');
  });

  it('names the field when the value is not a string at all', () => {
    expect(messageOf(textField('Caller name').safeParse(42))).toBe('Caller name: must be text');
  });
});

describe('fieldValidator', () => {
  it('builds a validator for every field type', () => {
    const samples = {
      text: 'Jo Parent',
      phone: '555.123.4567',
      'student-number': '123456',
      school: 'Bear Creek Elementary',
      'yes-no': 'yes',
      date: '2025-01-31',
    } as const;
    for (const type of FIELD_TYPES) {
      expect(fieldValidator({ type, label: type }).safeParse(samples[type]).success).toBe(true);
    }
  });

  it('turns a blank optional field into undefined but still checks a filled one', () => {
    const field = fieldValidator({ type: 'phone', label: 'Alternate phone', required: false });
    expect(field.parse('   ')).toBeUndefined();
    expect(field.parse('555 123 4567')).toBe('(555) 123-4567');
    expect(messageOf(field.safeParse('123'))).toBe('Alternate phone: must be a 10-digit US number');
  });

  it('reports a blank required field as required', () => {
    const field = fieldValidator({ type: 'student-number', label: 'Student number' });
    expect(messageOf(field.safeParse(''))).toBe('Student number: is required');
  });
});
