import type { Language } from './types';

/**
 * Korean. Particles touch the keyword ("비밀번호는 X"), and the copula touches the value
 * ("X입니다"), which is why a value stops at the first Hangul syllable (`value-span.ts`).
 */
export const KOREAN: Language = {
  code: 'ko',
  strong: [],
  unspaced: [String.raw`비밀\s?번호`, '비번', '암호', '패스워드', String.raw`pin\s?번호`],
  glued: ['는', '은', '가', '이', '도'],
  gluedWeak: ['를', '을'],
  prose: '',
};
