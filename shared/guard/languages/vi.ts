import type { Language } from './types';

/** Vietnamese. Also matched without diacritics ("mat khau"), as people type on phones. */
export const VIETNAMESE: Language = {
  code: 'vi',
  strong: ['m[ậa]t kh[ẩa]u', 'm[ậa]t m[ãa]', 'm[ãa] s[ốo] b[íi] m[ậa]t'],
  weak: ['m[ãa] pin'],
  copulas: ['l[àa]', 'v[ẫa]n l[àa]', 'b[âa]y gi[ờo] l[àa]', 'gi[ờo] l[àa]', 'hi[ệe]n l[àa]', 'm[ớo]i l[àa]'],
  auxiliaries: ['[đd][ãa] [đd]ư[ợo]c', '[đd]ư[ợo]c', '[đd][ãa]', 'b[ịi]'],
  changed: ['[đd][ổo]i', 'thay [đd][ổo]i', '[đd][ặa]t l[ạa]i', '[đd][ặa]t'],
  changedTo: ['th[àa]nh', 'l[àa]', 'sang'],
  qualifiers: ['m[ớo]i', 'c[ũu]', 't[ạa]m(?: th[ờo]i)?'],
  owners: ['c[ủu]a', 'cho'],
  setVerbs: ['[đd][ổo]i', '[đd][ặa]t'],
  prose: `
sai đúng dung gì không khong chưa chua bị đã rồi này đó mới cũ trống hết quá ngắn dài khác
giống như của cho là và hoặc em con tôi toi cô anh chị ngày sinh số học
`,
};
