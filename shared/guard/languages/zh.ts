import type { Language } from './types';

/**
 * Chinese, simplified and traditional. Written without spaces, so the keyword carries no word
 * boundary and "是" may touch it ("她的密码是Bluejay7"). A value is read up to the next Chinese
 * character (`value-span.ts`), so "密码是错误的" ("the password is wrong") has no value at all.
 */
export const CHINESE: Language = {
  code: 'zh',
  strong: [],
  unspaced: ['密[码碼]', '口令', 'pin[码碼]'],
  glued: [
    '就是',
    '[应應][该該]是',
    '[现現]在是',
    '改[为為成]',
    '[设設](?:置)?[为為成]',
    '是',
    '[为為]',
  ],
  prose: '',
};
