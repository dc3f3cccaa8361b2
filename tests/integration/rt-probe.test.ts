import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SealedNote } from '../../electron/sync/connector';
import { createRtConnector } from '../../electron/sync/rt';
import { startRt } from '../rt/rt-server';
import type { RtInstance } from '../rt/rt-server';
import { CANARY_PASSWORD, makeEscalation } from '../support/escalation-fixture';
import { rtAdmin } from './rt-admin';

/** The rights docs/district-it.md asks for, on the Deskbook queue only. */
const DESKBOOK_RIGHTS = [
  'SeeQueue',
  'ShowTicket',
  'CreateTicket',
  'ModifyTicket',
  'CommentOnTicket',
  'ShowTicketComments',
  'SeeCustomField',
  'ModifyCustomField',
  'ShowOutgoingEmail',
];
/** RT's stock scrip that mails every comment to the ticket's and the queue's AdminCcs. */
const STOCK_COMMENT_SCRIP = 'On Comment Notify AdminCcs as Comment';
const IT_TEAM = 'it-team@district.test';
const SEALED: SealedNote[] = [{ label: 'Parent HAC password', plaintext: CANARY_PASSWORD }];

const MAIL_WARNING = /^RT e-mails internal comments from queue/;
const REACH_WARNING = /^This RT account can read internal comments outside/;
const ADMIN_WARNING = /^This RT account has administrator rights/;

/** Test connection as this token's account: it must pass; its warnings. */
async function warningsFor(rt: RtInstance, token: string): Promise<string[]> {
  const report = await createRtConnector({ fetch: globalThis.fetch, baseUrl: rt.baseUrl, token, queue: rt.queue }).probe({ warnings: true });
  if (!report.ok) throw new Error(`probe failed: ${report.message}`);
  return [...(report.warnings ?? [])];
}

/** The IT team becomes the queue's AdminCc (as districts often set it up); then a sealed note is delivered. */
async function deliverSealedNoteWithQueueAdminCc(rt: RtInstance, admin: ReturnType<typeof rtAdmin>, token: string): Promise<string> {
  await admin.call('PUT', `/queue/${encodeURIComponent(rt.queue)}`, { AdminCc: IT_TEAM });
  const outcome = await createRtConnector({ fetch: globalThis.fetch, baseUrl: rt.baseUrl, token, queue: rt.queue }).create(makeEscalation(), randomUUID(), SEALED);
  if (outcome.kind !== 'sent') throw new Error(`delivery failed: ${JSON.stringify(outcome)}`);
  return outcome.remoteId;
}

async function outgoingMail(rt: RtInstance): Promise<string> {
  const varDir = join(rt.dir, 'var');
  const files = (await readdir(varDir)).filter((f) => f.endsWith('.mbox'));
  return (await Promise.all(files.map((f) => readFile(join(varDir, f), 'utf8')))).join('\n');
}

describe('Test connection warnings against a real RT 5 with its stock scrips', () => {
  let rt: RtInstance;
  let admin: ReturnType<typeof rtAdmin>;
  let queueOnly: string;

  beforeAll(async () => {
    rt = await startRt();
    admin = rtAdmin(rt);
    queueOnly = await admin.account('deskbook-queue-only', [{ queue: rt.queue, rights: DESKBOOK_RIGHTS }]);
  });

  afterAll(async () => {
    await rt?.stop();
  });

  it('an account with rights on its queue only, on an RT that has e-mailed no comment, gets no warnings', async () => {
    expect(await warningsFor(rt, queueOnly)).toEqual([]);
  });

  it('once RT e-mails a sealed note to the queue AdminCc, the probe still passes and names the stock scrip and the recipient', async () => {
    const ticketId = await deliverSealedNoteWithQueueAdminCc(rt, admin, queueOnly);
    // What the warning is about, seen independently: the sealed note left RT in clear text.
    const mail = await outgoingMail(rt);
    expect(mail).toContain(IT_TEAM);
    expect(mail).toContain(CANARY_PASSWORD);

    const scrip = await admin.scripId(STOCK_COMMENT_SCRIP);
    const warnings = await warningsFor(rt, queueOnly);
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning).toMatch(MAIL_WARNING);
    expect(warning).toContain(`'${rt.queue}'`);
    expect(warning).toContain(`scrip #${scrip} sent one on `);
    expect(warning).toContain(`for ticket #${ticketId}, to ${IT_TEAM}`);
    expect(warning).toContain(`${rt.baseUrl}/Admin/Scrips/Objects.html?id=${scrip}`);
    expect(warning).not.toContain(CANARY_PASSWORD);

    // The reachability monitor's probe, every minute from every machine, does not run the checks.
    const plain = await createRtConnector({ fetch: globalThis.fetch, baseUrl: rt.baseUrl, token: queueOnly, queue: rt.queue }).probe();
    expect(plain).toMatchObject({ ok: true });
    expect(plain).not.toHaveProperty('warnings');
  });

  it("warns an account that can read another queue's comments (rt-config's sync account can, on its test queues); not a queue-only one", async () => {
    const other = rt.otherQueues.customFieldsReadOnly;
    const ticketId = await admin.commentedTicket(other, 'Internal: the payroll case notes');

    const reach = (await warningsFor(rt, rt.token)).filter((w) => REACH_WARNING.test(w));
    expect(reach).toHaveLength(1);
    expect(reach[0]).toContain(`outside '${rt.queue}': it read them in '${other}' (ticket #${ticketId}, for one)`);

    expect((await warningsFor(rt, queueOnly)).filter((w) => REACH_WARNING.test(w) || ADMIN_WARNING.test(w))).toEqual([]);
  });

  it('tells a SuperUser account to shed its administrator rights, and that it reads other queues’ comments', async () => {
    const other = rt.otherQueues.withoutCustomFields;
    await admin.commentedTicket(other, 'Internal: the transport case notes');
    const superUser = await admin.account('deskbook-superuser', [{ rights: ['SuperUser'] }]);

    const warnings = await warningsFor(rt, superUser);
    expect(warnings.filter((w) => ADMIN_WARNING.test(w))).toHaveLength(1);
    const reach = warnings.filter((w) => REACH_WARNING.test(w));
    expect(reach).toHaveLength(1);
    expect(reach[0]).toContain(`'${other}'`);
  });
});

describe('Test connection warnings against a real RT 5 with its mail-out scrips off', () => {
  let rt: RtInstance;
  let admin: ReturnType<typeof rtAdmin>;
  let queueOnly: string;

  beforeAll(async () => {
    rt = await startRt({ mail: false });
    admin = rtAdmin(rt);
    queueOnly = await admin.account('deskbook-queue-only', [{ queue: rt.queue, rights: DESKBOOK_RIGHTS }]);
  });

  afterAll(async () => {
    await rt?.stop();
  });

  it('the same sealed note to the same queue AdminCc is not e-mailed, and Test connection does not warn', async () => {
    await deliverSealedNoteWithQueueAdminCc(rt, admin, queueOnly);
    expect(await outgoingMail(rt)).not.toContain(CANARY_PASSWORD);
    expect(await warningsFor(rt, queueOnly)).toEqual([]);
  });
});
