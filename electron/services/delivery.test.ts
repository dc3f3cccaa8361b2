import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Escalation } from '../../shared/escalation/schema';
import { createLogger } from '../../shared/log';
import { DeskbookError } from '../../shared/result';
import type { Connector } from '../sync/connector';
import type { DeliveryOutcome } from '../sync/outcome';
import { createDevEncryptor } from '../vault/encryptor';
import { createVault } from '../vault/vault';
import type { Vault } from '../vault/vault';
import { createDeliveryService } from './delivery';

/** An in-memory ticketing system implementing the connector interface, with a slow create. */
function memoryTicketing() {
  const tickets = new Map<string, { remoteId: string; notes: string[] }>();
  // Creates wait at a gate the test opens; `reached` resolves when the first create is waiting
  // there. Both exist from the start, so no timing decides whether a create is ever released.
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived = () => {};
  const reached = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const calls: string[] = [];
  const connector: Connector = {
    kind: 'memory',
    probe: async () => ({ ok: true, detail: 'ok' }),
    async create(_e, requestId, notes): Promise<DeliveryOutcome> {
      calls.push(`create:${requestId}`);
      arrived();
      await gate;
      const remoteId = String(tickets.size + 1);
      tickets.set(requestId, { remoteId, notes: notes.map((n) => n.plaintext) });
      return { kind: 'sent', remoteId, url: `https://rt.example/${remoteId}` };
    },
    async findByRequestId(requestId) {
      calls.push(`find:${requestId}`);
      const t = tickets.get(requestId);
      return t ? { remoteId: t.remoteId, url: `https://rt.example/${t.remoteId}` } : null;
    },
    addInternalNote: async () => {},
    ensureSealedNotes: async () => {},
  };
  return { connector, tickets, calls, reached, release: () => release() };
}

const escalation = (sealed: Escalation['draft']['sealedNotes'] = []): Escalation => ({
  id: '00000000-0000-4000-8000-000000000001',
  createdAt: '2026-11-23T15:00:00.000Z',
  analyst: { id: 'a', name: 'A' },
  slaDueAt: '2026-11-24T15:00:00.000Z',
  draft: {
    kind: 'district-tier2',
    subject: 'HAC login',
    description: 'Parent cannot log in.',
    stepsTried: [],
    callerRole: 'parent',
    callbackPhone: '(555) 234-5678',
    priority: 'medium',
    sop: null,
    sealedNotes: sealed,
    replicationSteps: undefined,
    usersAffected: undefined,
    hostedOutage: false,
    callerName: undefined,
    studentName: undefined,
    studentNumber: undefined,
    school: undefined,
  },
});

let dir: string;
let vault: Vault;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-delivery-'));
  vault = createVault(path.join(dir, 'vault'), createDevEncryptor(dir));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the delivery service', () => {
  it('runs one request at a time per request id and reconciles the second', async () => {
    const memory = memoryTicketing();
    const service = createDeliveryService({ connector: async () => memory.connector, vault, now: () => new Date(), log: createLogger('t', () => {}) });
    const e = escalation();
    const first = service.deliver({ requestId: e.id, attemptId: 'a1', escalation: e, maybeDelivered: false });
    const second = service.deliver({ requestId: e.id, attemptId: 'a2', escalation: e, maybeDelivered: false });
    // The first is at the ticketing system, the second queued behind it.
    await memory.reached;
    memory.release();
    await expect(first).resolves.toMatchObject({ kind: 'sent', remoteId: '1' });
    await expect(second).resolves.toMatchObject({ kind: 'sent', remoteId: '1' });
    expect(memory.calls).toEqual([`create:${e.id}`, `find:${e.id}`]);
    expect(memory.tickets.size).toBe(1);
  });

  it('hands sealed notes to the connector and marks them delivered', async () => {
    const memory = memoryTicketing();
    const ref = await vault.seal('HAC login', 'Temp-Pass-9931');
    const service = createDeliveryService({ connector: async () => memory.connector, vault, now: () => new Date(), log: createLogger('t', () => {}) });
    const e = escalation([ref]);
    const result = service.deliver({ requestId: e.id, attemptId: 'a1', escalation: e, maybeDelivered: false });
    await memory.reached;
    memory.release();
    await expect(result).resolves.toMatchObject({ kind: 'sent' });
    expect(memory.tickets.get(e.id)?.notes).toEqual(['Temp-Pass-9931']);
    expect(await vault.purge(new Date(Date.now() + 8 * 86_400_000), 7)).toBe(1);
  });

  it('fails an escalation whose sealed note is gone, naming it', async () => {
    const memory = memoryTicketing();
    const service = createDeliveryService({ connector: async () => memory.connector, vault, now: () => new Date(), log: createLogger('t', () => {}) });
    const e = escalation([{ handle: 'sn_00000000-0000-4000-8000-000000000009', label: 'Login', preview: '•' }]);
    await expect(service.deliver({ requestId: e.id, attemptId: 'a1', escalation: e, maybeDelivered: false })).resolves.toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('Sealed note "Login"'),
    });
  });

  it('reports a ticket found on reconcile as sent even when its sealed notes were purged since', async () => {
    const memory = memoryTicketing();
    const e = escalation([{ handle: 'sn_00000000-0000-4000-8000-00000000000a', label: 'Login', preview: '•' }]);
    memory.tickets.set(e.id, { remoteId: '77', notes: ['(delivered earlier)'] });
    const service = createDeliveryService({ connector: async () => memory.connector, vault, now: () => new Date(), log: createLogger('t', () => {}) });
    await expect(service.deliver({ requestId: e.id, attemptId: 'a1', escalation: e, maybeDelivered: true })).resolves.toMatchObject({ kind: 'sent', remoteId: '77' });
    expect(memory.calls).toEqual([`find:${e.id}`]);
  });

  it('asks for a sign-in, not a retry, when no token is stored for the configured system', async () => {
    const service = createDeliveryService({
      connector: async () => {
        throw new DeskbookError('AUTH_REQUIRED', 'No token is stored for the ticketing system: add one in Settings.');
      },
      vault,
      now: () => new Date(),
      log: createLogger('t', () => {}),
    });
    const e = escalation();
    await expect(service.deliver({ requestId: e.id, attemptId: 'a1', escalation: e, maybeDelivered: false })).resolves.toEqual({
      kind: 'auth',
      status: 401,
      message: 'No token is stored for the ticketing system: add one in Settings.',
    });
  });

  it('waits in line when no ticketing system is configured', async () => {
    const service = createDeliveryService({ connector: async () => null, vault, now: () => new Date(), log: createLogger('t', () => {}) });
    const e = escalation();
    await expect(service.deliver({ requestId: e.id, attemptId: 'a1', escalation: e, maybeDelivered: false })).resolves.toMatchObject({ kind: 'retry' });
  });
});
