import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads a request body up to `limit` bytes; null when it is larger (the caller answers 413). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Serves a fetch-style handler (the same one Electron's `protocol.handle` gets) over node:http. */
export async function serveFetchHandler(
  handler: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
): Promise<void> {
  const request = new Request(new URL(req.url ?? '/', origin), { method: req.method ?? 'GET' });
  const response = await handler(request);
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}
