import type { MarkedRow } from './bypass-corpus.testkit';

/**
 * Test corpus: passwords and PINs in the languages US districts' families speak, written as
 * parents and analysts write them. ⟦ ⟧ marks each exact secret span. Shared with the benchmark.
 */
export const LANGUAGE_ROWS: Readonly<Record<string, readonly MarkedRow[]>> = {
  Spanish: [
    ['"la clave secreta es"', 'la clave secreta es ⟦Luna#7⟧'],
    ['"credenciales"', 'credenciales: mgarcia ⟦Flor2023⟧'],
    ['a correo/clave pair', 'correo/clave: maria@gmail.com / ⟦Sol2024!⟧'],
    ['an owner clause', 'la contraseña de su hijo es ⟦Tigre55⟧'],
    ['"son" for several', 'las contraseñas son ⟦Perro123⟧ y ⟦Gato456⟧'],
  ],
  Vietnamese: [
    ['"mật khẩu là"', 'mật khẩu là ⟦Bluejay7⟧'],
    ['an owner with "của"', 'Mật khẩu của con tôi là ⟦Robin#8⟧'],
    ['"mới:"', 'mật khẩu mới: ⟦Cardinal9⟧'],
    ['without diacritics', 'mat khau la ⟦Bluejay#7⟧'],
    ['"đã được đổi thành"', 'mật khẩu đã được đổi thành ⟦Spring2025⟧'],
    ['"mã PIN là"', 'mã PIN là ⟦4821⟧'],
  ],
  Chinese: [
    ['"密码是" touching the value', '密码是⟦Bluejay7⟧'],
    ['"她的密码是"', '她的密码是 ⟦Bluejay#7⟧'],
    ['a fullwidth colon', '密码：⟦Robin#8⟧'],
    ['"新密码为" and a full stop', '新密码为⟦Cardinal9⟧。'],
    ['traditional "密碼"', '密碼是 ⟦Sunshine4⟧'],
    ['"PIN码"', 'PIN码是⟦4821⟧'],
  ],
  Arabic: [
    ['"كلمة المرور هي"', 'كلمة المرور هي ⟦Bluejay#7⟧'],
    ['"كلمة السر:"', 'كلمة السر: ⟦Robin#8⟧'],
    ['"new"', 'كلمة المرور الجديدة هي ⟦Cardinal9⟧'],
    ['a PIN with no copula', 'الرقم السري ⟦4821⟧'],
    ['"my son\'s"', 'كلمة المرور الخاصة بابني هي ⟦Sunshine4⟧'],
  ],
  Portuguese: [
    ['"a senha é"', 'a senha é ⟦Bluejay7⟧'],
    ['"Senha:"', 'Senha: ⟦Robin#8⟧'],
    ['"a senha dela é"', 'a senha dela é ⟦Cardinal9⟧'],
    ['"foi alterada para"', 'a senha foi alterada para ⟦Spring2025⟧'],
    ['a plain word after "nova:"', 'senha nova: ⟦girassol⟧'],
  ],
  'Haitian Creole': [
    ['"modpas li se"', 'modpas li se ⟦Bluejay7⟧'],
    ['"mo de pas la se"', 'mo de pas la se ⟦Robin#8⟧'],
    ['"my child\'s"', 'modpas pitit mwen an se ⟦Cardinal9⟧'],
    ['"Modpas:"', 'Modpas: ⟦Sunshine4⟧'],
    ['French "mot de passe"', 'mot de passe: ⟦Soleil2024⟧'],
  ],
  Russian: [
    ['"пароль:"', 'пароль: ⟦Bluejay7⟧'],
    ['a dash', 'Пароль — ⟦Robin#8⟧'],
    ['"от HAC"', 'пароль от HAC: ⟦Cardinal9⟧'],
    ['no connector', 'новый пароль ⟦Sunshine4⟧'],
    ['"был изменён на"', 'пароль был изменён на ⟦Spring2025⟧'],
    ['"ПИН-код"', 'ПИН-код: ⟦4821⟧'],
  ],
  Korean: [
    ['"비밀번호는 … 입니다"', '비밀번호는 ⟦Bluejay7⟧입니다'],
    ['"비밀번호:"', '비밀번호: ⟦Robin#8⟧'],
    ['"my child\'s"', '제 아이 비밀번호는 ⟦Cardinal9⟧예요'],
    ['"비번" with no connector', '비번 ⟦Sunshine4⟧'],
    ['"비밀번호를 … 로 바꿨어요"', '비밀번호를 ⟦Spring2025⟧로 바꿨어요'],
  ],
  Somali: [
    ['"furaha sirta waa"', 'furaha sirta waa ⟦Bluejay7⟧'],
    ['"Erayga sirta:"', 'Erayga sirta: ⟦Robin#8⟧'],
    ['"cusub waa"', 'furaha sirta cusub waa ⟦Cardinal9⟧'],
    ['"lambarka sirta waa"', 'lambarka sirta waa ⟦4821⟧'],
  ],
};
