import { describe, expect, it } from 'vitest';
import { interpolate, referencedVariables } from './interpolate';

describe('interpolate', () => {
  it('replaces captured variables, tolerating spaces inside the braces', () => {
    expect(interpolate('Call {{callerName}} at {{ callbackPhone }}.', {
      callerName: 'Ana',
      callbackPhone: '(555) 123-4567',
    })).toBe('Call Ana at (555) 123-4567.');
  });

  it('leaves uncaptured variables visible instead of blanking them', () => {
    expect(interpolate('Student: {{studentName}}', {})).toBe('Student: {{studentName}}');
  });

  it('never reads inherited properties such as constructor', () => {
    expect(interpolate('{{constructor}} {{toString}}', {})).toBe('{{constructor}} {{toString}}');
  });

  it('does not re-expand placeholders that appear inside a value', () => {
    expect(interpolate('{{a}}', { a: '{{b}}', b: 'x' })).toBe('{{b}}');
  });
});

describe('referencedVariables', () => {
  it('lists each referenced name once, in order of first use', () => {
    expect(referencedVariables('{{b}} {{ a }} {{b}} {{not valid}} {a}')).toEqual(['b', 'a']);
  });
});
