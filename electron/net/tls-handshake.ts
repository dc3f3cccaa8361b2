import { connect as tcpConnect, isIP } from 'node:net';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { TLSSocket } from 'node:tls';

/**
 * What one direct TLS handshake with a host showed:
 * - `tls`: something answered in TLS (a ServerHello, or a TLS alert): the server speaks TLS there;
 * - `not-tls`: the connection was accepted and the answer was not a TLS record (`answer` is its
 *   start, printable characters only: a plain-HTTP server's `HTTP/1.1 400 Bad Request`);
 * - `stalled`: the connection was accepted and nothing came back before the signal fired;
 * - `unknown`: the check could not tell (no TCP connection, a close without a byte...).
 */
export type TlsHandshakeVerdict = { kind: 'tls' } | { kind: 'not-tls'; answer: string } | { kind: 'stalled' } | { kind: 'unknown' };

/** Dials `host:port` and tries a TLS handshake until `signal` fires; never throws. */
export type TlsHandshakeCheck = (target: { host: string; port: number }, signal: AbortSignal) => Promise<TlsHandshakeVerdict>;

// TLS record content types: change_cipher_spec, alert, handshake, application_data.
const TLS_RECORD_TYPES = new Set([0x14, 0x15, 0x16, 0x17]);

/**
 * Node's `tls` over a raw TCP socket, with the server's first bytes observed on the way in: a
 * handshake error alone cannot tell "not TLS" from "TLS, but refused", the first byte can. The
 * certificate is not verified: this only asks whether TLS is spoken, nothing is sent over it,
 * and the request itself still verifies it. Everything is closed before the promise settles.
 */
export const checkTlsHandshake: TlsHandshakeCheck = (target, signal) =>
  new Promise((resolve) => {
    let connected = false;
    let first: Buffer | undefined;
    let secure: TLSSocket | undefined;
    let settled = false;
    const raw: Socket = tcpConnect({ host: target.host, port: target.port });

    const finish = (verdict: TlsHandshakeVerdict) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      secure?.destroy();
      raw.destroy();
      resolve(verdict);
    };
    const fromAnswer = (): TlsHandshakeVerdict => {
      if (!first?.length) return { kind: 'unknown' };
      if (TLS_RECORD_TYPES.has(first[0] ?? -1)) return { kind: 'tls' };
      return { kind: 'not-tls', answer: printable(first) };
    };
    const onAbort = () => finish(!connected ? { kind: 'unknown' } : first ? fromAnswer() : { kind: 'stalled' });

    if (signal.aborted) return finish({ kind: 'unknown' });
    signal.addEventListener('abort', onAbort, { once: true });
    // `on`, not `once`: a write racing the close may raise a second error after the first.
    raw.on('error', () => finish(connected ? fromAnswer() : { kind: 'unknown' }));
    raw.once('connect', () => {
      connected = true;
      const tap = new Duplex({
        read() {},
        write(chunk: Buffer, _encoding, done) {
          raw.write(chunk, (error) => done(error ?? null));
        },
        final(done) {
          raw.end();
          done();
        },
      });
      tap.on('error', () => finish(fromAnswer()));
      raw.on('data', (chunk: Buffer) => {
        first ??= chunk;
        // A server that answers in plain text is told apart here; OpenSSL would only say
        // "wrong version number".
        if (!TLS_RECORD_TYPES.has(chunk[0] ?? -1) && first === chunk) return finish(fromAnswer());
        tap.push(chunk);
      });
      raw.once('end', () => finish(fromAnswer()));
      const servername = isIP(target.host) ? undefined : target.host;
      secure = tlsConnect({ socket: tap, rejectUnauthorized: false, ...(servername ? { servername } : {}) });
      secure.once('secureConnect', () => finish({ kind: 'tls' }));
      secure.on('error', () => finish(fromAnswer()));
    });
  });

function printable(bytes: Buffer): string {
  const text = bytes.subarray(0, 120).toString('latin1').split(/\r?\n/)[0] ?? '';
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 60);
}
