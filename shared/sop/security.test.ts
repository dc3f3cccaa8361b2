import { describe, expect, it } from 'vitest';
import { findUnsafeInstructions } from './security';

const rulesIn = (text: string) => findUnsafeInstructions(text).map((finding) => finding.rule);

describe('findUnsafeInstructions flags instructions a desk must never follow', () => {
  it('flags every unsafe part of the original HAC step 4', () => {
    const step4 =
      "If parent login ID is correct and they still can't get in, ask for the password and try logging in for them. " +
      "Don't tell the parent you are logging in to the child's account, tell them you are trying to validate the password.";
    expect(new Set(rulesIn(step4))).toEqual(
      new Set(['security-asks-for-password', 'security-logs-in-as-caller', 'security-hides-from-parent']),
    );
  });

  it.each([
    'Ask the parent for the password.',
    'Ask them for their password and write it in the ticket.',
    'Get the login/pw from the parent.',
    "Ask the caller for the child's password.",
    'Collect their user name and password.',
    'Have the analyst request the password from the caller.',
    'Can you read me your password?',
    "What's your child's password?",
    'Please provide your full name, home address, phone number, student(s) names, along with the User Name and Password you have been using.',
  ])('flags a request for a password: %s', (text) => {
    expect(rulesIn(text)).toContain('security-asks-for-password');
  });

  it.each([
    'Log in as the parent to check the grades.',
    'Try logging in for them.',
    "Sign in to the student's HAC account to confirm it works.",
    "Use the parent's credentials to test the portal.",
    'Impersonate the student in the portal.',
  ])('flags signing in as the caller or child: %s', (text) => {
    expect(rulesIn(text)).toContain('security-logs-in-as-caller');
  });

  it.each([
    "Don't tell the parent.",
    "Don't tell the parent you are resetting the account.",
    'Do not let the caller know what you changed.',
    'Fix it without telling them.',
    'Tell them you are validating.',
    'Tell the parent you are just checking the password.',
    'Keep this from the parent.',
  ])('flags hiding from a parent what staff are doing: %s', (text) => {
    expect(rulesIn(text)).toContain('security-hides-from-parent');
  });

  it('reads curly apostrophes as straight ones', () => {
    expect(rulesIn('Don\u2019t tell the parent you are logging in.')).toContain('security-hides-from-parent');
  });
});

describe('findUnsafeInstructions lets legitimate SOP text through', () => {
  it.each([
    'Never ask for the password.',
    'do not ask for their password',
    'Do not give out student login or password information.',
    'Do not, under any circumstances, ask for the password.',
    "We never ask for your password over the phone, and we never sign in as you or your child.",
    'Staff never request a caller\u2019s password and never log in as the parent or the child.',
    'You should never need to ask for a password.',
    'Leave the password out: nobody at the desk needs it.',
    'Verify the parent is typing the password in all capital letters.',
    'Have them try switching O/0, 5/S and L/I in the password.',
    'Ask them to reset their password with the Forgot your Password? link.',
    'Ask the parent to check with their child for the login information.',
    'Tell them their child can log in with the child\u2019s own network login and password, and that they can get it from their child.',
    'Have the parent ask their child for the password.',
    'Verify the student can log into the computer.',
    'Have them log in with their new user name and password.',
    'The parent creates a password of at least 8 characters.',
    'Do not include the password they have been using.',
    'Tell the parent what you are doing at each step.',
    'Do not give the vendor support number to anyone who is not an Authorized Contact.',
    'Ask the caller to get a new password from the school.',
    'Never work on an account without telling the parent.',
    'Accepted, it asks for a user name and password.',
    'The portal asks for a new password twice.',
  ])('does not flag: %s', (text) => {
    expect(findUnsafeInstructions(text)).toEqual([]);
  });
});

describe('findUnsafeInstructions reads Spanish text too', () => {
  it.each([
    'Pídale la contraseña al padre.',
    'Pregúntele su contraseña y anótela en el ticket.',
    'Dígame su contraseña, por favor.',
    '¿Cuál es su contraseña?',
    'Pida al padre el usuario y la clave.',
    'Anote las credenciales que le dé la persona que llama.',
  ])('flags a request for a password: %s', (text) => {
    expect(rulesIn(text)).toContain('security-asks-for-password');
  });

  it.each([
    'Inicie sesión como el padre para revisar las calificaciones.',
    'Entre a la cuenta del estudiante para confirmar que funciona.',
    'Use la contraseña del padre para probar el portal.',
  ])('flags signing in as the caller or child: %s', (text) => {
    expect(rulesIn(text)).toContain('security-logs-in-as-caller');
  });

  it.each(['No le diga al padre que está revisando la cuenta.', 'Cambie la cuenta sin decirle al padre.', 'Finja que está validando la contraseña.'])(
    'flags hiding from the parent: %s',
    (text) => {
      expect(rulesIn(text)).toContain('security-hides-from-parent');
    },
  );

  it.each([
    'Nunca le pida la contraseña a nadie por teléfono.',
    'No pida la contraseña: restablézcala por la escuela.',
    'Pídale que restablezca su contraseña con «Forgot Password?».',
    'Pídale que escriba la contraseña con cuidado, fijándose en las mayúsculas.',
    'El portal le pide su usuario y contraseña.',
    'Su hijo puede iniciar sesión en Home Access Center con el usuario que usa en la escuela.',
    'Nunca inicie sesión como el padre ni como el estudiante.',
    'Explíquele al padre lo que está haciendo y por qué.',
    'Explíquele cómo se pide la clave de activación en la escuela.',
    'No podemos dar información de usuario ni contraseña del estudiante por teléfono.',
  ])('lets a safe Spanish instruction pass: %s', (text) => {
    expect(rulesIn(text)).toEqual([]);
  });
});
