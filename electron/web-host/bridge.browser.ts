// `window.deskbook` for the development host: the same API object the Electron preload builds,
// carried over HTTP to the host on 127.0.0.1 with the per-launch token from the URL fragment.
import { createDeskbookApi } from '../../shared/ipc/api';
import type { DeskbookApi } from '../../shared/ipc/api';

const KEY = 'deskbook.devhost.token';
const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromHash) {
  sessionStorage.setItem(KEY, fromHash);
  history.replaceState(null, '', location.pathname + location.search);
}
const token = sessionStorage.getItem(KEY) ?? '';

const api = createDeskbookApi({
  async invoke(channel, input) {
    const response = await fetch('/__deskbook/ipc', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-deskbook-token': token },
      body: JSON.stringify({ channel, input }),
    });
    if (response.status === 403) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This page is not the one the dev host opened; use the URL it printed.' } };
    }
    if (!response.ok) throw new Error(`dev host answered ${response.status}`);
    return response.json();
  },
  subscribe(listener) {
    const source = new EventSource(`/__deskbook/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
      listener(event, payload);
    };
    return () => source.close();
  },
}) satisfies DeskbookApi;

Object.defineProperty(window, 'deskbook', { value: api, writable: false, configurable: false });
