import type { Language } from './types';

/**
 * Russian (and the Ukrainian "пароль"). The copula is usually left out: "пароль: X",
 * "пароль — X", "пароль от HAC X". Cyrillic is folded like the text (`confusables.ts`).
 */
export const RUSSIAN: Language = {
  code: 'ru',
  strong: ['парол[ьяюеи]', 'пин-?код', 'код доступа', 'кодовое слово'],
  weak: ['пин'],
  copulas: ['это', 'был', 'была', 'было', 'будет', 'стал', 'теперь', 'сейчас', 'такой', 'такая'],
  adverbs: ['теперь', 'сейчас'],
  auxiliaries: ['был', 'была', 'было'],
  changed: ['изменён', 'изменен', 'сменён', 'сменен', 'поменяли', 'изменили', 'установлен', 'сброшен'],
  changedTo: ['на'],
  qualifiers: ['новый', 'временный', 'старый'],
  owners: ['от', 'для', 'к'],
  setVerbs: ['поменял[аи]?', 'изменил[аи]?', 'сменил[аи]?', 'поставил[аи]?'],
  prose: '',
};
