// The drain bench's receiving endpoint, in a process of its own (as a ticketing server is on
// another machine), so its work does not share an event loop with the main-process services the
// bench drives through the harness. `POST /hooks` (the webhook connector, from main) and
// `POST /raw` (the page's fetch loop) both answer 201 `{ id, url }`; other requests get 404 (the
// connector's probe reads that as "reachable"). CORS is open for the page's fetches. The parent
// asks for counts with the message 'stats'.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const CORS = { 'Access-Control-Allow-Origin': '*' };
const seen = new Map<string, { count: number; bytes: number }>();
let next = 0;

const server = createServer((req, res) => {
  let bytes = 0;
  req.on('data', (chunk: Buffer) => (bytes += chunk.length));
  req.on('end', () => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': '*' }).end();
      return;
    }
    const key = `${req.method ?? 'GET'} ${req.url ?? '/'}`;
    const entry = seen.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += bytes;
    seen.set(key, entry);
    const status = req.method === 'POST' ? 201 : 404;
    const id = `T-${++next}`;
    const text = JSON.stringify(status === 201 ? { id, url: `https://tickets.example/${id}` } : { message: 'unknown' });
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...CORS }).end(text);
  });
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ stats: Object.fromEntries(seen) });
});
process.on('disconnect', () => process.exit(0));
