// `window.deskbook` for the end-to-end tests: the same API object as the preload, carried over a
// Playwright binding (`page.exposeBinding`) into the real router running in the test process.
import { createDeskbookApi } from '../../shared/ipc/api';
import type { DeskbookApi } from '../../shared/ipc/api';

interface BindingWindow {
  __deskbookInvoke(channel: string, input: unknown): Promise<unknown>;
  __deskbookPush?: (event: string, payload: unknown) => void;
}

const host = window as unknown as BindingWindow;
const listeners = new Set<(event: string, payload: unknown) => void>();
host.__deskbookPush = (event, payload) => {
  for (const listener of listeners) listener(event, payload);
};

const api = createDeskbookApi({
  invoke: (channel, input) => host.__deskbookInvoke(channel, input),
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
}) satisfies DeskbookApi;

Object.defineProperty(window, 'deskbook', { value: api, writable: false, configurable: false });
