import { fc, test } from '@fast-check/vitest';
import { Dexie } from 'dexie';
import { describe, expect } from 'vitest';
import { DESKBOOK_DB_VERSION, declareDeskbookVersions, openDeskbookDb } from './db';

/**
 * Every earlier version of the database, filled with generated rows and opened by the current
 * app, keeps every row: the same count and keys per table, untouched fields unchanged, and the
 * fields an upgrade rewrites (version 3: a draft's two legacy ids become its mode) as that
 * upgrade's contract says. The old databases are built from db.ts's own list of versions
 * (`declareDeskbookVersions`), so the test cannot drift from what the app declared.
 */

type Row = Record<string, unknown>;

interface TableSpec {
  name: string;
  key: string;
  /** The version that added the table. */
  since: number;
  row: (version: number) => fc.Arbitrary<Row>;
}

const id = fc.string({ minLength: 1, maxLength: 12 });
const time = fc.integer({ min: 0, max: 4_000_000_000_000 });
const text = fc.string({ maxLength: 20 });
/** What an upgrade never looks into (an SOP document, an escalation, a pack): any nested value. */
const payload: fc.Arbitrary<Row> = fc.dictionary(
  fc.stringMatching(/^[a-z]{1,6}$/),
  fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 })),
  { maxKeys: 4 },
);
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

/** A draft's mode field as versions 1 and 2 saved it: absent, null, empty or an id. */
const legacyId = fc.option(fc.oneof(fc.constant(null), fc.constant(''), id), { nil: undefined });
const draftMode = fc.oneof(
  fc.constant({ kind: 'new' }),
  id.map((requestId) => ({ kind: 'requeue', requestId })),
  fc.tuple(id, id).map(([requestId, remoteId]) => ({ kind: 'fix', requestId, remoteId })),
);

const TABLES: readonly TableSpec[] = [
  {
    name: 'runs',
    key: 'id',
    since: 1,
    row: () =>
      fc.record(
        {
          id,
          doc: payload,
          packId: id,
          state: payload,
          status: fc.constantFrom('active', 'finished'),
          notes: fc.dictionary(id, text, { maxKeys: 3 }),
          startedAt: time,
          updatedAt: time,
          finishedAt: nullable(time),
          draftId: nullable(id),
          callerLanguage: fc.constantFrom('en', 'es'),
        },
        { requiredKeys: ['id', 'doc', 'packId', 'state', 'status', 'notes', 'startedAt', 'updatedAt', 'finishedAt', 'draftId'] },
      ),
  },
  {
    name: 'drafts',
    key: 'id',
    since: 1,
    row: (version) =>
      version < 3
        ? fc
            .record({ id, runId: nullable(id), values: payload, createdAt: time, updatedAt: time, replacesRequestId: legacyId, resubmitRemoteId: legacyId })
            .map(withoutUndefined)
        : fc.record({ id, runId: nullable(id), values: payload, mode: draftMode, createdAt: time, updatedAt: time }),
  },
  {
    name: 'outbox',
    key: 'id',
    since: 1,
    row: () =>
      fc.record(
        {
          id,
          kind: fc.constantFrom('escalation', 'decision', 'resubmit', 'call-log'),
          escalationId: id,
          remoteId: id,
          state: fc.constantFrom('pending', 'sending', 'needs_reconcile', 'failed', 'paused'),
          attemptId: nullable(id),
          attempts: fc.nat(50),
          failures: fc.nat(50),
          maybeDelivered: fc.boolean(),
          nextAttemptAt: fc.oneof(time, fc.constant(Number.MAX_SAFE_INTEGER)),
          lastError: nullable(text),
          lastOutcome: fc.constantFrom(null, 'sent', 'retry', 'failed', 'auth'),
          createdAt: time,
          updatedAt: time,
        },
        { requiredKeys: ['id', 'escalationId', 'state', 'attemptId', 'attempts', 'maybeDelivered', 'nextAttemptAt', 'lastError', 'lastOutcome', 'createdAt', 'updatedAt'] },
      ),
  },
  {
    name: 'escalations',
    key: 'id',
    since: 1,
    row: () =>
      fc.record(
        {
          id,
          requestId: id,
          escalation: payload,
          status: fc.constantFrom('queued', 'sent', 'failed'),
          remoteId: nullable(id),
          remoteUrl: nullable(text),
          createdAt: time,
          sentAt: nullable(time),
          reviewState: fc.constantFrom('awaiting-review', 'approved', 'returned'),
          reviewComment: nullable(payload),
        },
        { requiredKeys: ['id', 'requestId', 'escalation', 'status', 'remoteId', 'remoteUrl', 'createdAt', 'sentAt'] },
      ),
  },
  { name: 'packs', key: 'key', since: 1, row: () => fc.record({ key: id, id, version: text, title: text, pack: payload, importedAt: time }) },
  {
    name: 'reviews',
    key: 'remoteId',
    since: 2,
    row: () =>
      fc.record({
        remoteId: id,
        item: payload,
        reviewState: fc.constantFrom('awaiting-review', 'approved', 'returned'),
        priority: fc.constantFrom('low', 'medium', 'high', 'urgent'),
        school: text,
        sopId: id,
        createdAt: time,
        lastUpdated: time,
        slaDueAt: time,
      }),
  },
  {
    name: 'decisions',
    key: 'id',
    since: 2,
    row: () =>
      fc.record({
        id,
        remoteId: id,
        requestId: id,
        decision: payload,
        expectedEtag: nullable(id),
        decidedAt: text,
        seen: payload,
        state: fc.constantFrom('queued', 'applied', 'conflict', 'failed'),
        current: nullable(payload),
        message: nullable(text),
      }),
  },
  { name: 'meta', key: 'key', since: 2, row: () => fc.record({ key: id, value: nullable(text) }) },
  {
    name: 'callLogs',
    key: 'runId',
    since: 4,
    row: () =>
      fc.record({
        runId: id,
        record: payload,
        status: fc.constantFrom('queued', 'sent', 'failed'),
        remoteId: nullable(id),
        remoteUrl: nullable(text),
        message: nullable(text),
        queuedAt: time,
        sentAt: nullable(time),
      }),
  },
  { name: 'studio', key: 'id', since: 5, row: () => fc.record({ id, draft: payload, published: fc.array(payload, { maxLength: 2 }), updatedAt: time }) },
];

function withoutUndefined(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
}

/**
 * Version 3's contract for a draft saved before it (draft-mode.ts): a request id and a remote id
 * make a fix, a request id alone a re-queue, anything else (a remote id alone was never written)
 * a new draft; the two old fields are gone and nothing else changes.
 */
function draftAfterVersion3(row: Row): Row {
  const { replacesRequestId, resubmitRemoteId, ...rest } = row;
  const requestId = typeof replacesRequestId === 'string' && replacesRequestId !== '' ? replacesRequestId : null;
  const remoteId = typeof resubmitRemoteId === 'string' && resubmitRemoteId !== '' ? resubmitRemoteId : null;
  const mode = requestId && remoteId ? { kind: 'fix', requestId, remoteId } : requestId ? { kind: 'requeue', requestId } : { kind: 'new' };
  return { ...rest, mode };
}

/** What the current app should read back from a row written at `version`. */
function expected(table: string, version: number, row: Row): Row {
  return table === 'drafts' && version < 3 ? draftAfterVersion3(row) : row;
}

/** Generated contents (rows by table name) for every table a database of `version` has, unique keys per table. */
function contentsAt(version: number): fc.Arbitrary<Record<string, Row[]>> {
  const tables = TABLES.filter((t) => t.since <= version);
  return fc.record(Object.fromEntries(tables.map((t) => [t.name, fc.uniqueArray(t.row(version), { selector: (row) => row[t.key], maxLength: 4 })])));
}

let runs = 0;

describe('opening a database saved by an earlier version', () => {
  for (let version = 1; version < DESKBOOK_DB_VERSION; version++) {
    test.prop([contentsAt(version)], { numRuns: 10 })(`keeps every row a version-${version} database holds, upgraded as each upgrade says`, async (contents) => {
      const name = `migration-${version}-${++runs}-${Math.random()}`;
      const before = new Dexie(name);
      declareDeskbookVersions(before, version);
      for (const [table, rows] of Object.entries(contents)) await before.table(table).bulkAdd(rows);
      expect(before.verno).toBe(version);
      before.close();

      const after = openDeskbookDb(name);
      try {
        await after.open();
        expect(after.verno).toBe(DESKBOOK_DB_VERSION);
        for (const table of TABLES) {
          const rows = contents[table.name] ?? [];
          const stored = await after.table(table.name).toArray();
          expect(stored, `${table.name} rows`).toHaveLength(rows.length);
          const byKey = new Map(stored.map((row: Row) => [row[table.key], row]));
          for (const row of rows) expect(byKey.get(row[table.key]), `${table.name} ${String(row[table.key])}`).toEqual(expected(table.name, version, row));
        }
        // The index version 6 added covers the escalations saved before it.
        const escalations = contents['escalations'] ?? [];
        for (const status of ['queued', 'sent', 'failed']) {
          const indexed = await after.escalations.where('[status+sentAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).count();
          expect(indexed, `${status} escalations by sentAt`).toBe(escalations.filter((e) => e.status === status && typeof e.sentAt === 'number').length);
        }
        expect(await after.drafts.where('updatedAt').aboveOrEqual(0).count()).toBe((contents['drafts'] ?? []).length);
      } finally {
        after.close();
        await Dexie.delete(name);
      }
    });
  }
});
