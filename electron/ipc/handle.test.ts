import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, PUSH_CHANNEL } from '../../shared/ipc/channels';
import { createLogger } from '../../shared/log';
import { push, registerIpc, senderOf } from './handle';
import type { InvokeEventLike, IpcMainLike } from './handle';
import { createRouter } from './router';
import { testHandlers } from './handlers.testkit';

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, payload: unknown) => Promise<unknown>>();
  const ipc: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  return { ipc, handlers };
}

const router = createRouter({
  handlers: testHandlers({
    'app:info': () => ({ name: 'Deskbook', version: '1', platform: 'linux', shell: 'electron' }),
    'net:status': () => ({ state: 'unconfigured', detail: '', checkedAt: null }),
    'net:check': () => ({ state: 'unconfigured', detail: '', checkedAt: null }),
  }),
  allowedOrigin: 'app://deskbook',
  currentRole: () => 'analyst',
  log: createLogger('t', () => {}),
});

describe('registerIpc', () => {
  it('registers exactly the contract channels', () => {
    const { ipc, handlers } = fakeIpcMain();
    registerIpc(ipc, router);
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('refuses an invoke whose senderFrame is null', async () => {
    const { ipc, handlers } = fakeIpcMain();
    registerIpc(ipc, router);
    const result = await handlers.get('app:info')!({ senderFrame: null }, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a sub-frame of the app and accepts its top frame', async () => {
    const { ipc, handlers } = fakeIpcMain();
    registerIpc(ipc, router);
    const topFrame = { url: 'app://deskbook/index.html', parent: null };
    const child = { url: 'app://deskbook/index.html', parent: topFrame };
    await expect(handlers.get('app:info')!({ senderFrame: child }, undefined)).resolves.toMatchObject({ ok: false });
    await expect(handlers.get('app:info')!({ senderFrame: topFrame }, undefined)).resolves.toMatchObject({ ok: true });
  });
});

describe('senderOf and push', () => {
  it('reads top-frame-ness from the frame parent', () => {
    expect(senderOf({ senderFrame: undefined })).toBeNull();
    expect(senderOf({ senderFrame: { url: 'app://deskbook/', parent: null } })).toEqual({ url: 'app://deskbook/', isTopFrame: true });
  });

  it('sends pushes on the one push channel and skips destroyed windows', () => {
    const sent: unknown[][] = [];
    const live = { isDestroyed: () => false, send: (...args: unknown[]) => void sent.push(args) };
    const dead = { isDestroyed: () => true, send: () => sent.push(['dead']) };
    const status = { state: 'online', detail: 'ok', checkedAt: null } as const;
    push(live, 'net:status', status);
    push(dead, 'net:status', status);
    expect(sent).toEqual([[PUSH_CHANNEL, 'net:status', status]]);
  });
});
