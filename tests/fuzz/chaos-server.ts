import { startLoopbackServer } from '../support/loopback-server';
import type { LoopbackServer } from '../support/loopback-server';
import { sendJson } from '../support/loopback-server';

/**
 * A ticketing server on loopback that answers every request at random, from a seeded sequence:
 * a created ticket, a found one, 4xx, 5xx, 429 with Retry-After, a connection reset, a slow answer,
 * or a body that is not what any connector expects. It keeps no requests, so a 100,000-call run
 * measures main's memory, not the server's.
 */
export interface ChaosServer {
  url: string;
  answered: Record<string, number>;
  close(): Promise<void>;
}

const ANSWERS = ['created', 'found', 'bad-request', 'unauthorized', 'not-found', 'conflict', 'throttled', 'server-error', 'unavailable', 'reset', 'slow', 'garbage'] as const;

export async function startChaosServer(seed: number): Promise<ChaosServer> {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: the same seed gives the same answers in the same order.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const answered: Record<string, number> = {};
  let ticket = 1000;
  const server: LoopbackServer = await startLoopbackServer(async (req, res) => {
    server.requests.length = 0;
    const answer = ANSWERS[Math.floor(next() * ANSWERS.length)]!;
    answered[answer] = (answered[answer] ?? 0) + 1;
    ticket += 1;
    switch (answer) {
      case 'created':
        return sendJson(res, 201, { id: ticket, ticket: { id: ticket, url: `https://tickets.example/${ticket}` }, url: `https://tickets.example/${ticket}`, result: { sys_id: `s${ticket}`, number: `INC${ticket}` } });
      case 'found':
        return sendJson(res, 200, { id: ticket, count: 1, items: [{ id: String(ticket), type: 'ticket' }], results: [{ id: ticket }], result: [], Items: [] });
      case 'bad-request':
        return sendJson(res, 400, { message: 'Bad request', error: 'invalid' });
      case 'unauthorized':
        return sendJson(res, 401, { message: 'Unauthorized' });
      case 'not-found':
        return sendJson(res, 404, { message: 'Not found' });
      case 'conflict':
        return sendJson(res, 409, { message: 'Conflict' });
      case 'throttled':
        return sendJson(res, 429, { message: 'Too many requests' }, { 'Retry-After': '1' });
      case 'server-error':
        return sendJson(res, 500, { message: 'Internal error' });
      case 'unavailable':
        return sendJson(res, 503, { message: 'Down for maintenance' });
      case 'reset':
        res.socket?.destroy();
        return;
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(next() * 180)));
        return sendJson(res, 201, { id: ticket });
      case 'garbage':
        res.writeHead(200, { 'content-type': next() < 0.5 ? 'application/json' : 'text/html' });
        res.end(next() < 0.5 ? '{"id": ' : '<html>oops</html>');
        return;
    }
  });
  return { url: server.url, answered, close: () => server.close() };
}

/**
 * `fetch` that sends every request, whatever host a fuzzed setting named, to the chaos server:
 * the only network here is loopback, and a random https host must not wait on DNS.
 */
export function fetchVia(server: { url: string }): typeof fetch {
  return (input, init) => {
    const original = new URL(input instanceof Request ? input.url : String(input));
    const rerouted = new URL(`${original.pathname}${original.search}`, server.url);
    return input instanceof Request ? globalThis.fetch(new Request(rerouted, input), init) : globalThis.fetch(rerouted, init);
  };
}
