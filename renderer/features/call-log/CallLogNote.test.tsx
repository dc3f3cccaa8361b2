import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANALYST, CALL_DOC, RUN_ID, finishedRun } from '../../../shared/call-log/call-log.testkit';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/settings';
import type { CallLogSettings } from '../../../shared/ipc/settings';
import { db } from '../../db/db';
import type { RunRow } from '../../db/db';
import { I18nProvider } from '../../i18n';
import { createDeskbookIntl, setActiveIntl } from '../../i18n/intl';
import { useAppStore } from '../../state/store';
import { CallLogNote } from './CallLogNote';

const state = finishedRun('yes');
const run: RunRow = {
  id: RUN_ID,
  doc: CALL_DOC,
  packId: 'hac-support',
  state,
  status: 'finished',
  notes: {},
  startedAt: state.startedAt,
  updatedAt: state.finishedAt!,
  finishedAt: state.finishedAt!,
  draftId: null,
};

function withPolicy(callLog: CallLogSettings) {
  useAppStore.getState().setSettings({ ...DEFAULT_SETTINGS, user: { ...DEFAULT_SETTINGS.user, ...ANALYST }, callLog, token: { stored: true, preview: null } });
}

beforeEach(async () => {
  await Promise.all([db().callLogs.clear(), db().outbox.clear()]);
});
afterEach(() => {
  cleanup();
  setActiveIntl(createDeskbookIntl({ language: 'en', locale: 'en-US' }), 'en');
});

describe('the call-log note on an outcome', () => {
  it('logs the call once, however often the outcome is shown, and says it is queued', async () => {
    withPolicy({ enabled: true, includeStudentData: false });
    const first = render(<CallLogNote run={run} />);
    expect((await screen.findByTestId('call-log-status')).dataset['state']).toBe('queued');
    first.unmount();
    // The analyst reloads, or goes back and forward again to the same outcome.
    render(<CallLogNote run={{ ...run }} />);
    expect((await screen.findByTestId('call-log-status')).textContent).toContain('Call log queued');
    expect(await db().outbox.count()).toBe(1);
    expect(await db().callLogs.count()).toBe(1);
  });

  it('shows nothing and logs nothing while the policy is off', async () => {
    withPolicy({ enabled: false, includeStudentData: false });
    const { container } = render(<CallLogNote run={run} />);
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).toBe('');
    expect(await db().outbox.count()).toBe(0);
  });

  it('says it in Spanish under a Spanish interface', async () => {
    withPolicy({ enabled: true, includeStudentData: false });
    render(
      <I18nProvider setting="es">
        <CallLogNote run={run} />
      </I18nProvider>,
    );
    expect((await screen.findByTestId('call-log-status')).textContent).toBe('Registro de llamada en cola; se envía cuando el sistema de tickets responda.');
  });
});
