import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/log';
import type { LogEntry } from '../../shared/log';
import { DeskbookError } from '../../shared/result';
import { CHANNELS } from '../../shared/ipc/contract';
import { createRouter, isTrustedSender } from './router';
import type { Handlers } from './router';
import { testHandlers } from './handlers.testkit';

const ORIGIN = 'app://deskbook';
const top = { url: 'app://deskbook/index.html', isTopFrame: true };

function makeRouter(overrides: Partial<Handlers> = {}, role: 'analyst' | 'technician' | 'supervisor' = 'analyst') {
  const entries: LogEntry[] = [];
  const handlers = testHandlers({
    'app:info': () => ({ name: 'Deskbook', version: '1.2.3', platform: 'linux', shell: 'electron' }),
    'net:status': () => ({ state: 'unconfigured', detail: 'none', checkedAt: null }),
    'net:check': () => ({ state: 'unconfigured', detail: 'none', checkedAt: null }),
    ...overrides,
  });
  const router = createRouter({ handlers, allowedOrigin: ORIGIN, currentRole: () => role, log: createLogger('t', (e) => entries.push(e)) });
  return { router, entries };
}

describe('isTrustedSender', () => {
  it('accepts only the top frame on the app origin', () => {
    expect(isTrustedSender(top, ORIGIN)).toBe(true);
    expect(isTrustedSender(null, ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...top, isTopFrame: false }, ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/app://deskbook', isTopFrame: true }, ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'app://deskbook.evil/index.html', isTopFrame: true }, ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', isTopFrame: true }, ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isTopFrame: true }, ORIGIN)).toBe(false);
  });
});

describe('the router', () => {
  it('answers a valid call with ok and the value', async () => {
    const { router } = makeRouter();
    await expect(router.dispatch(top, 'app:info', undefined)).resolves.toEqual({
      ok: true,
      value: { name: 'Deskbook', version: '1.2.3', platform: 'linux', shell: 'electron' },
    });
  });

  it('refuses a null sender, a sub-frame and a foreign origin with FORBIDDEN', async () => {
    const { router, entries } = makeRouter();
    for (const sender of [null, { ...top, isTopFrame: false }, { url: 'https://example.org/', isTopFrame: true }]) {
      const result = await router.dispatch(sender, 'app:info', undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(entries.filter((e) => e.level === 'warn')).toHaveLength(3);
  });

  it('refuses unknown channels, including prototype keys', async () => {
    const { router } = makeRouter();
    for (const channel of ['app:quit', '__proto__', 'constructor', 42, null]) {
      await expect(router.dispatch(top, channel, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('refuses malformed payloads with BAD_INPUT and keeps serving', async () => {
    const { router } = makeRouter();
    await expect(router.dispatch(top, 'app:info', { extra: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(router.dispatch(top, 'app:info', cyclic)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await expect(router.dispatch(top, 'app:info', 10n)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await expect(router.dispatch(top, 'app:info', undefined)).resolves.toMatchObject({ ok: true });
  });

  it('refuses oversized payloads before parsing them', async () => {
    const { router } = makeRouter();
    const result = await router.dispatch(top, 'app:info', 'x'.repeat(600_000));
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('turns a thrown DeskbookError into its code and anything else into INTERNAL', async () => {
    const typed = makeRouter({
      'app:info': () => {
        throw new DeskbookError('NOT_FOUND', 'nothing here', 'field');
      },
    });
    await expect(typed.router.dispatch(top, 'app:info', undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'nothing here', path: 'field' },
    });
    const crash = makeRouter({
      'app:info': () => {
        throw new TypeError('boom with secret password=hunter22');
      },
    });
    const result = await crash.router.dispatch(top, 'app:info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('hunter22');
  });

  it('refuses every supervisor channel to analysts and technicians, before running the handler', async () => {
    const supervisorChannels = Object.entries(CHANNELS)
      .filter(([, spec]) => 'roles' in spec && spec.roles.includes('supervisor'))
      .map(([name]) => name);
    expect(supervisorChannels).toEqual(expect.arrayContaining(['review:list', 'review:get', 'review:decide', 'audit:list', 'audit:export']));
    for (const role of ['analyst', 'technician'] as const) {
      let ran = 0;
      const handlers = testHandlers(
        Object.fromEntries(
          supervisorChannels.map((c) => [
            c,
            () => {
              ran += 1;
              throw new Error('must not run');
            },
          ]),
        ),
      );
      const router = createRouter({ handlers, allowedOrigin: ORIGIN, currentRole: () => role, log: createLogger('t', () => {}) });
      for (const channel of supervisorChannels) {
        const result = await router.dispatch(top, channel, { cursor: null });
        expect(result, `${role} → ${channel}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect(ran).toBe(0);
    }
  });

  it('checks what a handler returns against the output schema', async () => {
    const { router } = makeRouter({
      'net:status': () => ({ state: 'sideways', detail: 1, checkedAt: null }) as never,
    });
    await expect(router.dispatch(top, 'net:status', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_OUTPUT' } });
  });
});

describe('what the router promises each caller', () => {
  it('reads the role on every call, so a demotion or promotion applies at once', async () => {
    let role: 'analyst' | 'supervisor' = 'supervisor';
    const handlers = testHandlers({ 'audit:list': () => ({ entries: [], verified: true, problem: null }) as never });
    const router = createRouter({ handlers, allowedOrigin: ORIGIN, currentRole: () => role, log: createLogger('t', () => {}) });
    expect((await router.dispatch(top, 'audit:list', undefined)).ok).not.toBe(undefined);
    role = 'analyst';
    await expect(router.dispatch(top, 'audit:list', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    role = 'supervisor';
    await expect(router.dispatch(top, 'audit:list', undefined)).resolves.not.toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('hands the handler the parsed input and the caller, and the renderer only the parsed output', async () => {
    const seen: unknown[] = [];
    const { router } = makeRouter({
      'vault:seal': (input, ctx) => {
        seen.push(input, ctx);
        // An extra key a handler should never have returned: the output schema drops it.
        return { handle: 'vault:1', label: input.label, preview: '••••', plaintext: input.plaintext } as never;
      },
    }, 'technician');
    const result = await router.dispatch(top, 'vault:seal', { label: '  Parent HAC password  ', plaintext: 'Tr0ub4dor&3' });
    expect(seen).toEqual([{ label: 'Parent HAC password', plaintext: 'Tr0ub4dor&3' }, { sender: top, role: 'technician' }]);
    expect(result).toMatchObject({ ok: true, value: { handle: 'vault:1', label: 'Parent HAC password' } });
    expect(JSON.stringify(result)).not.toContain('Tr0ub4dor&3');
  });

  it('says in every refusal which channel refused and why, in words a person can act on', async () => {
    const { router, entries } = makeRouter({
      'app:info': () => {
        throw new TypeError('boom');
      },
      'net:status': () => ({ state: 'sideways' }) as never,
    });
    expect(await router.dispatch(top, 'app:quit', undefined)).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'There is no channel named "app:quit".' } });
    expect(await router.dispatch(top, 'vault:seal', 'x'.repeat(600_000))).toEqual({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'vault:seal: the request is 600002 bytes; the limit is 524288.' },
    });
    expect(await router.dispatch(top, 'audit:list', undefined)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'audit:list: a analyst may not do this; it needs the role supervisor.' },
    });
    expect(await router.dispatch(top, 'vault:seal', { label: 'Note', plaintext: 7 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/^vault:seal: plaintext: /), path: 'plaintext' },
    });
    expect(await router.dispatch(top, 'app:info', undefined)).toEqual({ ok: false, error: { code: 'INTERNAL', message: "app:info: something went wrong in Deskbook's background service." } });
    expect(await router.dispatch(top, 'net:status', undefined)).toEqual({ ok: false, error: { code: 'BAD_OUTPUT', message: 'net:status: the background service returned malformed data.' } });
    expect(await router.dispatch(null, 'app:info', undefined)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'This call did not come from the Deskbook window and was refused.' } });
    // And main's log says which channel, so support can find it.
    expect(entries.map((e) => [e.level, e.message, e.fields])).toEqual([
      ['warn', 'ipc call refused: role', { channel: 'audit:list', role: 'analyst' }],
      ['error', 'ipc handler failed', { channel: 'app:info', error: 'TypeError: boom' }],
      ['error', 'ipc handler returned a malformed value', { channel: 'net:status', issues: 3 }],
      ['warn', 'ipc call refused: untrusted sender', { channel: 'app:info', url: null }],
    ]);
  });

  it('refuses a text holding half of a surrogate pair, naming the field, before any handler sees it', async () => {
    let ran = 0;
    const { router } = makeRouter({
      'vault:seal': () => {
        ran += 1;
        return { handle: 'vault:1', label: 'x', preview: '••••' } as never;
      },
    });
    for (const broken of ['\uD800', 'pass\uDFFFword']) {
      expect(await router.dispatch(top, 'vault:seal', { label: 'Note', plaintext: broken })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: 'plaintext' } });
    }
    // A whole pair is one character (an emoji) and goes through.
    expect(await router.dispatch(top, 'vault:seal', { label: 'Note', plaintext: 'pass\uD83D\uDE00word' })).toMatchObject({ ok: true });
    expect(ran).toBe(1);
  });

  it('names the first broken field, and the whole path of a nested one', async () => {
    const { router } = makeRouter();
    expect(await router.dispatch(top, 'vault:seal', { label: 'No\uD800te', plaintext: 'pass\uDFFF' })).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'vault:seal: "label" holds a broken character (half of a surrogate pair); retype or paste it again.', path: 'label' },
    });
    expect(await router.dispatch(top, 'vault:check', { handles: [], fields: [{ path: 'subject', text: 7 }] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/^vault:check: fields\.0\.text: /), path: 'fields.0.text' },
    });
  });

  it('takes a payload of exactly the size limit, and cuts a long unknown channel name short', async () => {
    const { router } = makeRouter();
    // `{"handle":"…"}` adds 13 characters: this payload serializes to exactly MAX_PAYLOAD_BYTES.
    const atLimit = await router.dispatch(top, 'vault:discard', { handle: 'x'.repeat(512 * 1024 - 13) });
    expect(atLimit).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: 'handle' } });
    const overLimit = await router.dispatch(top, 'vault:discard', { handle: 'x'.repeat(512 * 1024 - 12) });
    expect(overLimit).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const long = await router.dispatch(top, `app:${'x'.repeat(200)}`, undefined);
    expect(long).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(long.ok ? '' : long.error.message).toBe(`There is no channel named ${`"app:${'x'.repeat(200)}"`.slice(0, 80)}.`);
  });

  it('refuses a nesting too deep to serialize as unreadable data', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    await expect(makeRouter().router.dispatch(top, 'app:info', deep)).resolves.toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'app:info: the request could not be read as data.' },
    });
  });
});
