import { describe, expect, it } from 'vitest';
import { isSensitiveKey, keyWords } from './sensitive-keys';

describe('keyWords', () => {
  it('splits camelCase, PascalCase acronyms, snake_case and header names', () => {
    expect(keyWords('callbackPhone')).toEqual(['callback', 'phone']);
    expect(keyWords('APIKey')).toEqual(['api', 'key']);
    expect(keyWords('student_number')).toEqual(['student', 'number']);
    expect(keyWords('X-Api-Key')).toEqual(['x', 'api', 'key']);
  });
});

describe('isSensitiveKey', () => {
  it.each([
    'password',
    'newPassword',
    'pass',
    'pwd',
    'userPass',
    'secret',
    'clientSecret',
    'token',
    'accessToken',
    'refresh_token',
    'authorization',
    'Authorization',
    'cookie',
    'Set-Cookie',
    'apiKey',
    'api_key',
    'X-Api-Key',
    'sealedNote',
    'sealedValueHandle',
    'plaintext',
    'plainText',
    'studentName',
    'studentNumber',
    'student_id',
    'callbackPhone',
    'phone',
    'email',
    'parentEmail',
    'address',
    'homeAddress',
    'dob',
    'dateOfBirth',
    'pin',
    'credentials',
  ])('redacts %s', (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each(['requestId', 'sopId', 'attempt', 'status', 'ipAddress', 'remoteAddress', 'bypassProxy', 'pinned', 'authorId', 'idempotencyKey', 'url'])(
    'keeps %s',
    (key) => {
      expect(isSensitiveKey(key)).toBe(false);
    },
  );
});
