import type { Language } from './types';

/**
 * Somali: "furaha sirta" (the secret key) and "erayga sirta" (the secret word) for password,
 * "lambarka sirta" for PIN; "waa" is the copula ("furaha sirtu waa X").
 */
export const SOMALI: Language = {
  code: 'so',
  strong: [
    '(?:fura(?:ha)?|eray(?:ga)?|erey(?:ga)?|ereyga|kood(?:ka)?) sir(?:ta|tu|teeda|tiisa|tayda|tooda|ta ah)?',
    '(?:lambar|nambar|nambarka|lambarka) sir(?:ta|tu|eed)?(?: ah)?',
  ],
  copulas: ['waa', 'waxay tahay', 'waxa uu yahay', 'ayaa ah', 'waa kan', 'waa tan', 'noqday'],
  qualifiers: ['cusub', 'ku meel gaar ah'],
  possessives: ['ah', 'kiisa', 'keeda', 'kayga'],
  prose: `
qaldan khaldan sax cusub hore ma aan la waa waxay illoobay xiran dhacay
`,
};
