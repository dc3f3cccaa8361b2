import type { Language } from './types';

/** English: the detector's first language; every other one is read together with it. */
export const ENGLISH: Language = {
  code: 'en',
  paired: [
    String.raw`(?:log-?in|user\s?name|user|usr|uname|id|e-?mail|u)\s?\/\s?(?:passwords?|passwd|pswd|pword|pwd|pw|p\/w|pass|p)`,
    'credentials',
    'creds',
  ],
  strong: [
    String.raw`pass\s?phrases?`,
    String.raw`pass\s?codes?`,
    'passwords?',
    'pass-words?',
    // Leetspeak spellings people type on purpose: "p@ssword", "passw0rd".
    String.raw`p[@4][s$5]{2}w[o0]rds?`,
    String.raw`pass?w[0]rds?`,
    'passwd',
    'pswd',
    'pword',
    'pwd',
    String.raw`p\/w`,
    'pw',
    'access codes?',
    'security codes?',
  ],
  weak: [String.raw`pin(?:\s?(?:codes?|numbers?))?`, 'pass'],
  copulas: ['is', 'was', 'are', 'were', 'will be', 'would be', 'should be', 'became', 'becomes', 'has become', 'ended up as'],
  gluedWeak: ["['\u2019]s"],
  adverbs: ['now', 'still', 'just', 'probably', 'likely', 'currently', 'actually', 'apparently', 'supposedly', 'always'],
  auxiliaries: ['is', 'was', 'has been', 'had been', 'have been', 'got', 'will be'],
  changed: ['set', 'reset', 'changed', 'updated', 'switched'],
  changedTo: ['to', 'as'],
  qualifiers: ['temporary', 'temp', 'new', 'old', 'initial', 'default'],
  owners: ['for', 'of', 'to', 'on', 'from'],
  clauses: ['that', 'which', 'she', 'he', 'they', 'i', 'we', 'you', 'her', 'his', 'their', 'mom', 'dad', 'the school'],
  setVerbs: ['set', 'reset', 'changed', 'change', 'updated', 'switched', 'made', 'put'],
  determiners: ['the', 'her', 'his', 'their', 'my', 'your', 'our', 'its', 'a'],
  prose: `
a an the this that these those it its he she they we you i his her hers their theirs your yours
my mine our ours one ones some any no none all both each either neither every another other
same such what which who whom whose whatever something anything nothing everything someone
anyone nobody
is was are were be been being am has have had having do does did done will would should could
can cannot may might must shall get gets got gotten go goes gone need needs make makes made let
see seems seem look looks keep kept say says said tell told know known knew think try tried
not never nope yes yeah very too so quite rather really also still just only even already again
almost nearly about around exactly maybe perhaps definitely
in on at to for from with without by of as into onto over under after before since until till
during through via per and or but nor because if when while whereas unless than then though
although where why how
new old current previous prior temporary temp default initial standard usual normal original
blank empty missing unknown unchanged wrong right correct incorrect invalid valid bad good fine
ok okay weak strong short long longer shorter case sensitive insensitive reset set sent given
shown hidden written taken chosen forgotten lost stolen compromised shared broken stuck fixed
pending active inactive available unavailable ready complete incomplete allowed null nil none
tbd unknown true false undefined different similar simple easy hard complicated weird strange
unclear obvious
field box prompt screen page link email mail text message policy rule rules requirement
requirements length strength manager change expiration hint question answer user username
login student parent guardian teacher staff account portal district school birthday birthdate
lunch number id initials name first last format note notes sealed redacted masked attached below
above here there elsewhere file call ticket tier
match expire meet comply require force allow avoid include contain follow reflect remember
code year month day zip address phone nickname pet street city digits letters
`,
};
