import type { Language } from './types';

/**
 * Arabic. The keyword may carry a glued conjunction or preposition ("وكلمة المرور", "and the
 * password"); the copula is often left out ("كلمة المرور: X") or written as هي/هو.
 */
export const ARABIC: Language = {
  code: 'ar',
  strong: [
    '[وفبل]?(?:ال)?كلم[ةه] (?:ال)?(?:مرور|سر|سرية)',
    '[وفبل]?(?:ال)?رقم (?:ال)?سري',
    '[وفبل]?(?:ال)?رمز (?:ال)?(?:سري|المرور|مرور|الدخول)',
    '[وفبل]?باسوو?رد',
  ],
  copulas: ['هي', 'هو', 'كانت', 'كان', '[أا]صبحت', '[أا]صبح', 'صارت'],
  adverbs: ['الآن', 'الان'],
  auxiliaries: ['تم'],
  changed: ['تغيير(?:ها|ه)?', 'تعيين(?:ها|ه)?'],
  changedTo: ['[إا]لى'],
  qualifiers: ['الجديدة', 'الجديد', 'المؤقتة', 'المؤقت', 'القديمة', 'الحالية'],
  owners: ['الخاصة', 'الخاص', String.raw`ل\p{L}{2,}`],
  possessives: [String.raw`ل\p{L}{2,}`],
  prose: '',
};
