import { describe, expect, it } from 'vitest';
import { BYPASS_CATEGORIES } from './bypass-corpus.testkit';
import type { MarkedRow } from './bypass-corpus.testkit';
import { findSecrets } from './find-secrets';
import { LANGUAGE_ROWS } from './language-corpus.testkit';
import { parseMarked } from './marked-text.testkit';

function expectExactly([, marked, kind = 'password-after-keyword']: MarkedRow): void {
  const { text, spans } = parseMarked(marked, kind);
  const found = findSecrets(text);
  expect(found.map((f) => text.slice(f.start, f.end))).toEqual(spans.map((s) => text.slice(s.start, s.end)));
  expect(found).toEqual(spans);
}

describe('findSecrets is not fooled by the ways past it that issue 12 tried', () => {
  for (const [category, rows] of Object.entries(BYPASS_CATEGORIES)) {
    it.each(rows.map((row) => ({ name: row[0], row })))(`${category}: $name`, ({ row }) => {
      expectExactly(row);
    });
  }
});

describe('findSecrets reads the languages of the district’s families', () => {
  for (const [language, rows] of Object.entries(LANGUAGE_ROWS)) {
    it.each(rows.map((row) => ({ name: row[0], row })))(`${language}: $name`, ({ row }) => {
      expectExactly(row);
    });
  }
});

describe('findSecrets reports offsets into the text as typed', () => {
  it('highlights a value after a keyword with invisible characters at the right place', () => {
    const text = 'pa\u200bss\u00adword: Bluejay#7';
    expect(findSecrets(text)).toEqual([{ start: text.indexOf('B'), end: text.length, kind: 'password-after-keyword' }]);
  });

  it('maps a value after fullwidth text back to its fullwidth characters', () => {
    const text = '\uff50\uff57\uff1a \uff22\uff4c\uff55\uff45\uff11\uff12';
    const [finding] = findSecrets(text);
    expect(text.slice(finding?.start, finding?.end)).toBe('\uff22\uff4c\uff55\uff45\uff11\uff12');
  });

  it('counts an astral keyword as two units per letter', () => {
    const text = '\u{1d429}\u{1d430}: hunter2';
    expect(findSecrets(text)).toEqual([{ start: 6, end: 13, kind: 'password-after-keyword' }]);
  });

  it('finds a sealed value copied with a zero-width space or a look-alike letter in it', () => {
    const text = 'she typed Sun\u200bflower1 and \u0405unflower1';
    expect(findSecrets(text, { sealedValues: ['Sunflower1'] })).toEqual([
      { start: 10, end: 21, kind: 'sealed-value' },
      { start: 26, end: 36, kind: 'sealed-value' },
    ]);
  });

  it('redacts the span as typed, invisible characters included', async () => {
    const { redactSecrets } = await import('./redact');
    expect(redactSecrets('pass\u00adword is Blue\u200bjay#7.')).toBe('pass\u00adword is [sealed].');
  });
});
