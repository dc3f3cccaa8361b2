import { describe, expect, it } from 'vitest';
import { csvField, toCsvText } from './csv';

describe('CSV fields', () => {
  it('leaves plain text alone and quotes only what RFC 4180 requires', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(12)).toBe('12');
  });

  it('text a spreadsheet would run as a formula is shown as text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1')).toBe("'-1");
  });

  it('joins rows with CRLF and ends with one', () => {
    expect(toCsvText([['a', 'b'], [1, 'c,d']])).toBe('a,b\r\n1,"c,d"\r\n');
  });
});
