import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';

/** Help-desk prose about passwords: none of it may be flagged. */
const PROSE_ABOUT_PASSWORDS: readonly string[] = [
  'forgot password',
  'password must be at least 8 characters',
  'the password is being typed in capitals',
  'reset the password',
  'password reset link sent',
  'parent does not know the password',
  'the password is correct but login fails',
  'password is expired',
  'password is not working',
  'password is case sensitive',
  'password is case-sensitive',
  'pass the call to tier 2',
  'PIN reset',
  'Password is WRONG',
  'password is too short',
  'the password was changed yesterday',
  'password has been reset',
  'Password: reset by tier 1, parent notified',
  'password: see sealed note',
  'Password: [sealed]',
  'pw: ********',
  'password: xxxxxx',
  'password is the student ID',
  'password is their lunch number',
  'password is MM/DD/YYYY of the student',
  'password is similar to the old one',
  'Passwords are case-sensitive',
  'password manager is blocked by policy',
  'password expired on 2024-05-01',
  'password: N/A',
  'Password: passcode reset requested',
  'password field is greyed out',
  'password is 2 weeks old',
  'pw: abc',
  'password is still not accepted',
  'her password was probably mistyped',
  'the password is the same as before',
  'password was given to the parent',
  'Pass: 4 of 5 checks ok',
  'pass on the message to the teacher',
  'pin the ticket to the top',
  'PIN is locked after 3 tries',
  'the PIN is 4 digits',
  'credentials for Maria Lopez were sent home',
  'login/pw sent to parent',
  'user/pass emailed to guardian',
  'Parent forgot password.\nReset link sent.\nPassword:\nreset requested',
];

const SPANISH_PROSE: readonly string[] = [
  'contraseña olvidada',
  'restablecer la contraseña',
  'la contraseña es incorrecta',
  'la contraseña está bloqueada',
  'la clave no funciona',
  'contraseña: ver nota sellada',
  'la contraseña es la fecha de nacimiento del alumno',
  'la contraseña fue restablecida por el técnico',
  'es clave que el padre llame mañana',
  'el padre olvidó su contraseña',
  'contraseña vencida',
  'la contraseña debe tener 8 caracteres',
  'la contraseña es demasiado corta',
  'la clave es correcta pero no entra',
];

/** Words that contain a keyword, and ticket text full of ids, links and numbers. */
const LOOKALIKES: readonly string[] = [
  'he passed the test and bypassed the proxy',
  'the compass app needs a passport photo',
  'spinner keeps spinning on the pinned tab',
  'Password reset link: https://hac.district.org/HomeAccess/Account/ForgotPassword?token=abc',
  'request id 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  'callback 555-201-3344, student #2024001234, DOB 2010-04-05',
  'email maria.lopez@district.k12.tx.us about the portal',
  'Windows10ProEducation on lib-cart03-cb17.students.district.k12.tx.us',
  'Error 0x80070005 in Microsoft.Windows.Photos_2024.11050.3002.0_x64__8wekyb3d8bbwe',
  'internationalization ChromebookEnrollment2024 HomeAccessCenter2023',
  'see https://support.example.com/kb/article/5d41402abc4b2a76b9719d911017c592',
  'file Screenshot_2024-05-01_at_10.15.32.png attached',
  'student number 20240012345678901234 (digits only)',
  'called 2024-05-01T10:15:00Z, ticket INC0012345',
];

describe('findSecrets leaves ordinary text alone', () => {
  it.each(PROSE_ABOUT_PASSWORDS)('English prose: %j', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  it.each(SPANISH_PROSE)('Spanish prose: %j', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  it.each(LOOKALIKES)('lookalikes: %j', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(findSecrets('')).toEqual([]);
  });
});
