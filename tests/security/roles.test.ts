import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { rolePolicy, startTestServices } from '../support/main-services';
import type { TestServices } from '../support/main-services';
import { layerFrom } from '../../shared/policy';

/**
 * Finding 1: roles were self-assigned. Quit, put a supervisor role in settings.json, restart:
 * review, decisions, audit export and vendor forwarding all worked. Replayed here against the
 * real main-process services; each door must stay shut.
 */
let main: TestServices | null = null;
afterEach(() => {
  main?.dispose();
  main = null;
});

const SELF_PROMOTED = { user: { id: 'dana', name: 'Dana Analyst', role: 'supervisor' as const, authorizedContact: true } };
const decision = (kind: 'approve' | 'forward') => ({
  decisionId: randomUUID(),
  attemptId: 'a1',
  remoteId: '42',
  requestId: randomUUID(),
  decision: kind === 'approve' ? { kind } : { kind, replicationSteps: 'Log in as a parent and open Grades.', priority: 'high', caseText: 'Portal grades page fails to load.' },
  expectedEtag: null,
  decidedAt: new Date().toISOString(),
  maybeDelivered: false,
});

describe('attack: a role written into settings.json', () => {
  it('is ignored: everyone without enforced policy is an analyst, and every supervisor door stays shut', async () => {
    main = await startTestServices({ settings: SELF_PROMOTED });
    expect(await main.call('settings:get')).toMatchObject({ ok: true, value: { user: { role: 'analyst', authorizedContact: false } } });
    for (const [channel, input] of [
      ['review:list', { cursor: null }],
      ['review:get', { remoteId: '42' }],
      ['review:decide', decision('approve')],
      ['review:decide', decision('forward')],
      ['audit:list', undefined],
      ['audit:export', undefined],
    ] as const) {
      expect(await main.call(channel, input), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('cannot be set through the app either', async () => {
    main = await startTestServices();
    expect(await main.call('settings:update', { user: { id: 'dana', name: 'Dana', role: 'supervisor', authorizedContact: true } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', path: 'user.role' },
    });
  });

  it('is not lifted by a recommended policy value, which a user may override by design', async () => {
    main = await startTestServices({
      settings: SELF_PROMOTED,
      adminPolicy: { enforced: {}, recommended: layerFrom({ UserRole: 'supervisor', AuthorizedContact: true }, 'HKCU recommended'), warnings: [], unreadable: false },
    });
    expect(await main.call('review:list', { cursor: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('enforced policy is what makes a supervisor, and only an Authorized Contact may forward', async () => {
    main = await startTestServices({ settings: SELF_PROMOTED, adminPolicy: rolePolicy('supervisor') });
    expect(await main.call('settings:get')).toMatchObject({ ok: true, value: { user: { role: 'supervisor', authorizedContact: false } } });
    expect(await main.call('review:decide', decision('forward'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', path: 'decision.kind' } });
    expect(await main.call('audit:list')).toMatchObject({ ok: true });
  });

  it('only an Authorized Contact may record the vendor case number, whatever the renderer sends', async () => {
    main = await startTestServices({ settings: SELF_PROMOTED, adminPolicy: rolePolicy('supervisor') });
    const record = {
      ...decision('approve'),
      decision: { kind: 'vendor-case', caseNumber: '1234567', submittedAt: new Date(Date.now() - 60_000).toISOString() },
    };
    expect(await main.call('review:decide', record)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', path: 'decision.kind', message: expect.stringContaining('record a vendor case number') },
    });
    expect(await main.call('audit:list')).toMatchObject({ ok: true, value: { entries: [] } });
  });
});
