import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/log';
import type { LogEntry } from '../../shared/log';
import { hardenWebContents } from './harden';
import type { HardenableContents } from './harden';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void; url: string }) => void>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents: HardenableContents = {
    on: (event: string, listener: (e: { preventDefault(): void; url: string }) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  };
  const fire = (event: string, url = '') => {
    let prevented = false;
    listeners.get(event)!({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('hardenWebContents', () => {
  const opened: string[] = [];
  const setup = () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, {
      appOrigin: 'app://deskbook',
      openExternal: async (url) => void opened.push(url),
      log: createLogger('t', () => {}),
    });
    return fake;
  };

  it('denies navigation and redirects away from the app and allows in-app ones', () => {
    const fake = setup();
    expect(fake.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(fake.fire('will-navigate', 'app://deskbook/index.html')).toBe(false);
  });

  it('denies webviews', () => {
    expect(setup().fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window, opening only allowlisted https links externally', () => {
    const fake = setup();
    expect(fake.open('https://community.infinitecampus.com/kb')).toEqual({ action: 'deny' });
    expect(fake.open('http://community.infinitecampus.com/kb')).toEqual({ action: 'deny' });
    expect(fake.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://community.infinitecampus.com/kb']);
  });

  it('writes each refusal to the log with the address refused, and nothing for what it allows', () => {
    const entries: LogEntry[] = [];
    const fake = fakeContents();
    hardenWebContents(fake.contents, { appOrigin: 'app://deskbook', openExternal: async () => undefined, log: createLogger('t', (e) => entries.push(e)) });
    fake.fire('will-navigate', 'https://evil.example/');
    fake.fire('will-navigate', 'app://deskbook/index.html');
    fake.open('https://evil.example/popup');
    fake.open('https://community.infinitecampus.com/kb');
    expect(entries.map((e) => [e.level, e.message, e.fields])).toEqual([
      ['warn', 'navigation denied', { url: 'https://evil.example/' }],
      ['warn', 'new window denied', { url: 'https://evil.example/popup' }],
    ]);
  });
});

