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
  // Pushes arrive as a server-sent event stream read with fetch, not EventSource: EventSource
  // cannot send a header, and the token must not travel in a URL.
  subscribe(listener) {
    const stop = new AbortController();
    const read = async () => {
      while (!stop.signal.aborted) {
        try {
          const response = await fetch('/__deskbook/events', { method: 'POST', headers: { 'x-deskbook-token': token }, signal: stop.signal });
          if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffered = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffered += value;
            let end: number;
            while ((end = buffered.indexOf('\n\n')) >= 0) {
              const frame = buffered.slice(0, end);
              buffered = buffered.slice(end + 2);
              const data = frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
              if (!data) continue;
              const { event, payload } = JSON.parse(data) as { event: string; payload: unknown };
              listener(event, payload);
            }
          }
        } catch {
          // The host restarted or the network blinked: reconnect shortly, as EventSource would.
        }
        if (!stop.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    };
    void read();
    return () => stop.abort();
  },
}) satisfies DeskbookApi;

Object.defineProperty(window, 'deskbook', { value: api, writable: false, configurable: false });
