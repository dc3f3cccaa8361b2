import type { Language } from './types';

/**
 * Haitian Creole. Possessives and the determiner follow the noun: "modpas li se X" (her
 * password is X), "modpas pitit mwen an se X" (my child's password is X). Families also write
 * the French "mot de passe".
 */
export const HAITIAN_CREOLE: Language = {
  code: 'ht',
  strong: [String.raw`mod\s?pas`, 'mo de pas', 'mopas', 'mot de passe', 'k[òo]d sekr[èe]'],
  copulas: ['se', 'te', 'kounye a se'],
  possessives: ['la', 'an', 'li', 'mwen', 'm', 'yo', 'nou', 'ou', 'w', 'pitit', 'fi', 'gason', 'nouvo'],
  qualifiers: ['nouvo', 'tanpor[èe]'],
  prose: `
pa bon move mal nouvo ansyen kòrèk korek fo bloke ekspire chanje menm diferan vid li la
yo mwen sa ki nan dat nesans nimewo pitit mache travay kraze
`,
};
