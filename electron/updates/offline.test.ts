import { describe, expect, it } from 'vitest';
import { isOfflineError } from './offline';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isOfflineError', () => {
  it.each([
    ['Node: DNS failure', withCode('getaddrinfo ENOTFOUND updates.district.org', 'ENOTFOUND')],
    ['Node: refused', withCode('connect ECONNREFUSED 127.0.0.1:443', 'ECONNREFUSED')],
    ['Node: no route', withCode('connect ENETUNREACH', 'ENETUNREACH')],
    ['Electron net: offline', new Error('net::ERR_INTERNET_DISCONNECTED')],
    ['Electron net: DNS', new Error('net::ERR_NAME_NOT_RESOLVED')],
    ['Electron net: proxy down', new Error('net::ERR_PROXY_CONNECTION_FAILED')],
    ['wrapped in a cause', new Error('Cannot check for updates', { cause: withCode('getaddrinfo EAI_AGAIN', 'EAI_AGAIN') })],
  ])('treats %s as offline', (_label, error) => {
    expect(isOfflineError(error)).toBe(true);
  });

  it.each([
    ['an HTTP 404 from the update server', new Error('HttpError: 404 Not Found')],
    ['a checksum mismatch', new Error('sha512 checksum mismatch, expected abc, got def')],
    ['a certificate problem', new Error('net::ERR_CERT_AUTHORITY_INVALID')],
    ['something that is not an Error', 'ENOTFOUND'],
  ])('does not hide %s as offline', (_label, error) => {
    expect(isOfflineError(error)).toBe(false);
  });
});
