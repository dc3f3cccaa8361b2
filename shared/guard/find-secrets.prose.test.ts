import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';
import { ANALYST_NOTES, HELP_DESK_SOP_SENTENCES, IDS_AND_LINKS, OTHER_LANGUAGE_PROSE } from './prose-corpus.testkit';

function flagged(text: string): string[] {
  return findSecrets(text).map((f) => text.slice(f.start, f.end));
}

describe('findSecrets leaves help-desk prose alone', () => {
  it.each(HELP_DESK_SOP_SENTENCES)('SOP text: %j', (text) => {
    expect(flagged(text)).toEqual([]);
  });

  it('raises nothing on the SOP sentences read as one document', () => {
    expect(flagged(HELP_DESK_SOP_SENTENCES.join('\n'))).toEqual([]);
  });

  it.each(ANALYST_NOTES)('an analyst note: %j', (text) => {
    expect(flagged(text)).toEqual([]);
  });

  it.each(IDS_AND_LINKS)('ids, hashes and links: %j', (text) => {
    expect(flagged(text)).toEqual([]);
  });

  it.each(OTHER_LANGUAGE_PROSE)('prose in a family’s language: %j', (text) => {
    expect(flagged(text)).toEqual([]);
  });
});
