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
    'https://user@community.infinitecampus.com/',
    'https://:pw@community.infinitecampus.com/',
    'https://community.infinitecampus.com:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://server/share',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('reads the host as the browser would: any case, with or without the root dot', () => {
    expect(isAllowedExternalUrl('https://Community.InfiniteCampus.com/kb')).toBe(true);
    expect(isAllowedExternalUrl('https://community.infinitecampus.com./kb')).toBe(true);
    expect(isAllowedExternalUrl('https://district.example.org/help', ['District.Example.org'])).toBe(true);
  });
});

describe('isAppUrl', () => {
  it('is true only for the app origin', () => {
    expect(isAppUrl('app://deskbook/index.html', 'app://deskbook')).toBe(true);
    expect(isAppUrl('app://other/index.html', 'app://deskbook')).toBe(false);
    expect(isAppUrl('https://deskbook/', 'app://deskbook')).toBe(false);
  });

  it('is false for text that is not a URL', () => {
    expect(isAppUrl('not a url', 'app://deskbook')).toBe(false);
    expect(isAppUrl('', 'null')).toBe(false);
  });
});
