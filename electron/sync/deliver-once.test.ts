import { describe, expect, it } from 'vitest';
import { makeEscalation } from '../../tests/support/escalation-fixture';
import { ConnectorError, deliver } from './connector';
import type { Connector, SealedNote } from './connector';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from './outcome';

/** An in-memory ticketing system: a real Connector implementation, not a mock of fetch. */
function memoryConnector(options: { lookupFails?: FailureOutcome } = {}) {
  const tickets = new Map<string, RemoteTicket & { notes: number }>();
  const calls: string[] = [];
  const connector: Connector = {
    kind: 'memory',
    probe: () => Promise.resolve({ ok: true, detail: 'memory' }),
    create: (_e, requestId, sealedNotes): Promise<DeliveryOutcome> => {
      calls.push('create');
      const ticket = { remoteId: String(tickets.size + 1), url: `mem://${tickets.size + 1}`, notes: sealedNotes.length > 0 ? 1 : 0 };
      tickets.set(requestId, ticket);
      return Promise.resolve({ kind: 'sent', remoteId: ticket.remoteId, url: ticket.url });
    },
    findByRequestId: (requestId) => {
      calls.push('find');
      if (options.lookupFails) return Promise.reject(new ConnectorError(options.lookupFails));
      const t = tickets.get(requestId);
      return Promise.resolve(t ? { remoteId: t.remoteId, url: t.url } : null);
    },
    addInternalNote: () => Promise.resolve(),
    ensureSealedNotes: (remote) => {
      calls.push('ensure');
      for (const t of tickets.values()) if (t.remoteId === remote.remoteId) t.notes = 1;
      return Promise.resolve();
    },
  };
  return { connector, tickets, calls };
}

const notes: SealedNote[] = [{ label: 'HAC password', plaintext: 'x' }];
const REQUEST = '7b0c1f0e-5a44-4b43-9d3e-1f1f1f1f1f1f';

describe('deliver', () => {
  it('creates straight away when the previous attempt cannot have delivered', async () => {
    const mem = memoryConnector();
    const outcome = await deliver(mem.connector, makeEscalation(), REQUEST, notes, { maybeDelivered: false });
    expect(outcome).toEqual({ kind: 'sent', remoteId: '1', url: 'mem://1' });
    expect(mem.calls).toEqual(['create']);
  });

  it('after a maybe-delivered attempt, reports the existing ticket as sent and never creates again', async () => {
    const mem = memoryConnector();
    await deliver(mem.connector, makeEscalation(), REQUEST, notes, { maybeDelivered: false });
    const again = await deliver(mem.connector, makeEscalation(), REQUEST, notes, { maybeDelivered: true });
    expect(again).toEqual({ kind: 'sent', remoteId: '1', url: 'mem://1' });
    expect(mem.calls).toEqual(['create', 'find', 'ensure']);
    expect(mem.tickets.size).toBe(1);
  });

  it('after a maybe-delivered attempt that did not land, looks up then creates', async () => {
    const mem = memoryConnector();
    await deliver(mem.connector, makeEscalation(), REQUEST, [], { maybeDelivered: true });
    expect(mem.calls).toEqual(['find', 'create']);
  });

  it('a failed lookup is retried later, still maybe delivered, without creating', async () => {
    const mem = memoryConnector({ lookupFails: { kind: 'retry', reason: 'connection reset', maybeDelivered: false } });
    const outcome = await deliver(mem.connector, makeEscalation(), REQUEST, notes, { maybeDelivered: true });
    expect(outcome).toEqual({ kind: 'retry', reason: 'connection reset', maybeDelivered: true });
    expect(mem.calls).toEqual(['find']);
  });

  it('an auth failure during lookup pauses delivery', async () => {
    const mem = memoryConnector({ lookupFails: { kind: 'auth', status: 401, message: 'HTTP 401' } });
    const outcome = await deliver(mem.connector, makeEscalation(), REQUEST, notes, { maybeDelivered: true });
    expect(outcome).toEqual({ kind: 'auth', status: 401, message: 'HTTP 401' });
  });
});
