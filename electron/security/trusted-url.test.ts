import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl } from './trusted-url';

describe('isAllowedExternalUrl', () => {
  it('allows https URLs on the allowlist', () => {
    expect(isAllowedExternalUrl('https://community.infinitecampus.com/kb/x')).toBe(true);
    expect(isAllowedExternalUrl('https://district.example.org/help', ['district.example.org'])).toBe(true);
  });

  it.each([
    'http://community.infinitecampus.com/',
    'https://evil.example/',
    'https://community.infinitecampus.com.evil.example/',
    'https://user:pw@community.infinitecampus.com/',
    'https://community.infinitecampus.com:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://server/share',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('is true only for the app origin', () => {
    expect(isAppUrl('app://deskbook/index.html', 'app://deskbook')).toBe(true);
    expect(isAppUrl('app://other/index.html', 'app://deskbook')).toBe(false);
    expect(isAppUrl('https://deskbook/', 'app://deskbook')).toBe(false);
  });
});
