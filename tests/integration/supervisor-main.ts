import { randomUUID } from 'node:crypto';
import type { Decision } from '../../shared/review/schema';
import { createRtConnector } from '../../electron/sync/rt';
import type { RtInstance } from '../rt/rt-server';
import { CANARY_PASSWORD, makeEscalation } from '../support/escalation-fixture';
import { rolePolicy, startTestServices } from '../support/main-services';
import type { TestServices } from '../support/main-services';
import { rtInspector } from './rt-inspect';

export const SAM = { id: 'sup-1', name: 'Sam Supervisor' };

/**
 * A supervisor's machine as main runs it: the real composition root in Node, a supervisor by
 * enforced policy, connected to Request Tracker (or to a proxy in front of it) with the
 * supervisor's own RT token. Pass `dataDir` to start again on an earlier run's files.
 */
export async function supervisorMain(rt: RtInstance, options: { url?: string; dataDir?: string } = {}): Promise<TestServices> {
  const main = await startTestServices({
    adminPolicy: rolePolicy('supervisor', true),
    // A restart keeps the settings.json the first run saved (user, connector).
    ...(options.dataDir ? { dataDir: options.dataDir } : { settings: { user: { ...SAM, role: 'analyst' as const, authorizedContact: false } } }),
  });
  if (!options.dataDir) {
    await expectOk(main.call('settings:update', { connector: { kind: 'request-tracker', url: options.url ?? rt.baseUrl, queue: rt.queue } }));
    await expectOk(main.call('settings:setToken', { token: rt.supervisor.token }));
  }
  return main;
}

/** A ticket the analyst's machine delivered, awaiting review. */
export async function deliveredTicket(rt: RtInstance): Promise<string> {
  const analyst = createRtConnector({ fetch: globalThis.fetch, baseUrl: rt.baseUrl, token: rt.token, queue: rt.queue });
  const outcome = await analyst.create(makeEscalation(), randomUUID(), [{ label: 'Parent HAC password', plaintext: CANARY_PASSWORD }]);
  if (outcome.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(outcome)}`);
  return outcome.remoteId;
}

/** One `review:decide` call as the renderer's outbox makes it; the value, or a thrown error. */
export async function decide(main: TestServices, remoteId: string, decision: Decision, extra: { decisionId?: string; maybeDelivered?: boolean; expectedEtag?: string | null } = {}): Promise<{ kind: string; decisionId: string }> {
  const decisionId = extra.decisionId ?? randomUUID();
  const result = await main.call('review:decide', {
    decisionId,
    attemptId: randomUUID(),
    remoteId,
    // The escalation's request id: the same on every attempt, as the outbox sends it.
    requestId: `request-of-ticket-${remoteId}`,
    decision,
    expectedEtag: extra.expectedEtag ?? null,
    // What a renderer claims; main must not record it.
    decidedAt: '2001-01-01T00:00:00.000Z',
    maybeDelivered: extra.maybeDelivered ?? false,
  });
  const value = await expectOk(Promise.resolve(result));
  return { kind: (value as { kind: string }).kind, decisionId };
}

export async function expectOk(call: Promise<unknown>): Promise<unknown> {
  const result = (await call) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value;
}

export interface ReadAnchor {
  seq: number;
  hash: string;
  at: string;
}

/**
 * The audit anchor line of each Deskbook decision comment on a ticket, read straight from RT and
 * parsed here, independently of the connector under test.
 */
export async function anchorsOnTicket(rt: RtInstance, ticketId: string): Promise<{ subject: string; content: string; anchor: ReadAnchor | null }[]> {
  const messages = await rtInspector(rt).messages(ticketId);
  return messages
    .filter((m) => m.type === 'Comment' && m.subject.includes('[Deskbook decision'))
    .map((m) => {
      const match = /\n\nDeskbook audit: #(\d+) ([0-9a-f]{64}) trail \S+ at (\S+) on .+$/.exec(m.content.trimEnd());
      return { subject: m.subject, content: m.content, anchor: match ? { seq: Number(match[1]), hash: match[2]!, at: match[3]! } : null };
    });
}
