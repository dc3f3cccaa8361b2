// The sandboxed preload, bundled by esbuild into ONE CommonJS file (dist/electron/preload.cjs)
// as a sandboxed preload must be. It exposes `window.deskbook` with named methods only: no raw
// Electron event object.
import { contextBridge, ipcRenderer } from 'electron';
import { createDeskbookApi } from '../shared/ipc/api';
import type { DeskbookApi } from '../shared/ipc/api';
import { PUSH_CHANNEL } from '../shared/ipc/channels';

const api = createDeskbookApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (listener) => {
    const relay = (_event: unknown, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(PUSH_CHANNEL, relay);
    return () => ipcRenderer.off(PUSH_CHANNEL, relay);
  },
}) satisfies DeskbookApi;

contextBridge.exposeInMainWorld('deskbook', api);
