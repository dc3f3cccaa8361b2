import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';
import { isLink, isUuid, linkSpans } from './lookalikes';
import { parseMarked } from './marked-text.testkit';

/** The spans `linkSpans` must return for `marked`, each link or address written "⟦…⟧". */
function expectLinks(marked: string): void {
  const { text, spans } = parseMarked(marked, 'high-entropy-token');
  const found = linkSpans(text);
  expect(found.map(([start, end]) => text.slice(start, end))).toEqual(spans.map((s) => text.slice(s.start, s.end)));
  expect(found).toEqual(spans.map((s) => [s.start, s.end]));
}

describe('linkSpans finds links by their scheme', () => {
  it.each([
    ['a link with a scheme', 'reset at ⟦https://hac.district.org/HomeAccess⟧ tonight'],
    ['a two-letter scheme', 'copy ⟦s3://bucket/report⟧ now'],
    ['a link at the very end of the text', 'see ⟦ftp://files.district.org/x⟧'],
  ])('%s is a link', (_name, marked) => {
    expectLinks(marked);
  });

  it.each([
    ['"://" with no scheme before it', 'the text ://host is not a link'],
    ['a scheme with nothing after "://"', 'the text http:// alone is not a link'],
    ['a scheme that starts with a digit', 'port 2024://host is not a link'],
  ])('%s is not a link', (_name, text) => {
    expect(linkSpans(text)).toEqual([]);
  });
});

describe('linkSpans finds links that start with "www."', () => {
  it.each([
    ['a host without scheme or path', 'visit ⟦www.example.com⟧ today'],
    ['a host at the start of the text', '⟦www.example.org⟧ is down'],
  ])('%s is a link', (_name, marked) => {
    expectLinks(marked);
  });

  it.each([
    ['"www." with nothing after it', 'type www. and stop'],
    ['"www." inside a longer word', 'a typo like swww.district.org'],
  ])('%s is not a link', (_name, text) => {
    expect(linkSpans(text)).toEqual([]);
  });
});

describe('linkSpans finds links pasted without a scheme', () => {
  it('finds a bare host and path', () => {
    expectLinks('open ⟦drive.google.com/file/d/1AbC/view⟧ please');
  });

  it.each([
    ['a top-level domain with no host', 'the .com/ part alone'],
    ['a folder with a dot in a path', 'saved in /home/jdoe/report.pdf/old'],
    ['a host glued to a word by an underscore', 'see old_site.net/page'],
    ['a dotted file name', 'open readme.md now'],
  ])('%s is not a link', (_name, text) => {
    expect(linkSpans(text)).toEqual([]);
  });

  it('keeps an address followed by a path as the address alone', () => {
    expectLinks('⟦jo@example.com⟧/path');
  });
});

describe('linkSpans finds email addresses', () => {
  it('finds an address in a sentence', () => {
    expectLinks('email ⟦maria.lopez@district.k12.tx.us⟧ about it');
  });

  it.each([
    ['an at sign with no local part', 'ping @district.org about it'],
    ['an at sign with no domain after it', 'jo@ x'],
    ['a domain without a dot', 'jo@localhost'],
  ])('%s is not an address', (_name, text) => {
    expect(linkSpans(text)).toEqual([]);
  });
});

describe('linkSpans returns spans sorted by start and disjoint', () => {
  it('orders an address before a later link', () => {
    expectLinks('mail ⟦jo@x.org⟧ or see ⟦https://a.org⟧');
  });

  it('orders links of every kind by where they start', () => {
    expectLinks('⟦drive.google.com/f⟧ ⟦www.b.org⟧ ⟦c@d.org⟧ ⟦https://e.org⟧');
  });

  it('folds an address inside a link into the link', () => {
    expectLinks('⟦https://a.org/?u=jo@x.org&y=1⟧ and ⟦mom@example.org⟧');
  });
});

describe('links and the secrets around them', () => {
  it('still flags a key that follows an ordinary word', () => {
    const text = 'the build log shows wJalrXUtnFEMIK7MDENGbPxRfiCYzz9PLEKEY';
    expect(findSecrets(text)).toEqual([{ start: 20, end: text.length, kind: 'high-entropy-token' }]);
  });

  it('skips a key-shaped address that comes before a link', () => {
    expect(findSecrets('write to k4eC39HqLyjWDarjtT1zdp@x.org or see https://a.org')).toEqual([]);
  });

  it('skips a key in the query of a "www." link', () => {
    expect(findSecrets('portal www.district.org?code=4eC39HqLyjWDarjtT1zdp7dc')).toEqual([]);
  });

  it('does not take a link after a keyword for a password', () => {
    expect(findSecrets('password: www.district.org')).toEqual([]);
    expect(findSecrets('password: https://district.org/reset')).toEqual([]);
  });

  it('still flags a password that holds a slash', () => {
    const text = 'password: Blue/jay#7';
    expect(findSecrets(text)).toEqual([{ start: 10, end: text.length, kind: 'password-after-keyword' }]);
  });
});

describe('isLink', () => {
  it.each(['https://a.org/x', 'www.example.com', 'drive.google.com/file', 'jo@x.org'])('is true for the whole link or address %s', (value) => {
    expect(isLink(value)).toBe(true);
  });

  it.each(['and/or', 'Blue/jay#7', 'home@', 'Bluejay#7', 'example.com'])('is false for %s', (value) => {
    expect(isLink(value)).toBe(false);
  });
});

describe('isUuid', () => {
  it.each(['3f2504e0-4f89-11d3-9a0c-0305e82c3301', '3F2504E0-4F89-11D3-9A0C-0305E82C3301'])('is true for the request id %s', (value) => {
    expect(isUuid(value)).toBe(true);
  });

  it.each(['{3f2504e0-4f89-11d3-9a0c-0305e82c3301}', '3f2504e04f8911d39a0c0305e82c3301', '3f2504e0-4f89-11d3-9a0c'])('is false for %s', (value) => {
    expect(isUuid(value)).toBe(false);
  });
});
