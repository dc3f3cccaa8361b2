import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYPASS_CATEGORIES } from '../../shared/guard/bypass-corpus.testkit';
import { LANGUAGE_ROWS } from '../../shared/guard/language-corpus.testkit';
import { parseMarked } from '../../shared/guard/marked-text.testkit';
import { makeEscalation } from '../support/escalation-fixture';
import { closedPort } from '../support/loopback-server';
import { rolePolicy, startTestServices } from '../support/main-services';
import type { TestServices } from '../support/main-services';

/**
 * Finding 6: ways past the guard, one category at a time. Each corpus example (the same rows
 * the guard's own tests use) is sent as an escalation's description through the real main
 * services, as a compromised renderer would send it: main must refuse every one as BAD_INPUT
 * naming the field, before anything is sent.
 */
let main: TestServices;
beforeAll(async () => {
  // A configured, signed-in desk whose server is down: only the guard stands in the way.
  main = await startTestServices({ adminPolicy: rolePolicy('supervisor') });
  await main.call('settings:update', { connector: { kind: 'request-tracker', url: `http://127.0.0.1:${await closedPort()}`, queue: 'General' } });
  await main.call('settings:setToken', { token: 'rt-token-1' });
});
afterAll(() => main.dispose());

const rows = [...Object.entries(BYPASS_CATEGORIES), ...Object.entries(LANGUAGE_ROWS)].flatMap(([category, list]) =>
  list.map((row) => ({ name: `${category}: ${row[0]}`, text: parseMarked(row[1], row[2] ?? 'password-after-keyword').text })),
);

describe('attack: get a password past the guard, by category', () => {
  it.each(rows)('$name is refused in main', async ({ text }) => {
    const escalation = makeEscalation({ sealedNotes: [], description: `Caller said: ${text}` });
    const result = await main.call('sync:deliver', { requestId: escalation.id, attemptId: 'a1', escalation, maybeDelivered: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: 'draft.description' } });
  });
});
