import { randomUUID } from 'node:crypto';
import type { ChannelName } from '../../shared/ipc/channels';
import { DEFAULT_SETTINGS } from '../../shared/ipc/settings';
import { callLogFromRun } from '../../shared/call-log/build';
import { ANALYST, CALL_DOC, RUN_ID, finishedRun } from '../../shared/call-log/call-log.testkit';
import { makeEscalation } from '../support/escalation-fixture';

/**
 * Known-good inputs for the channels whose schemas hold rules a generator cannot see (a phone
 * number's check, a time zone's name, a call's duration matching its times). They come from the
 * test kits the rest of the suite uses; the fuzz grafts generated values onto them (graft.ts).
 */
export function seedInputs(connectorUrl: string): Partial<Record<ChannelName, unknown[]>> {
  const escalation = makeEscalation();
  const record = callLogFromRun({ runId: RUN_ID, packId: 'hac-support', doc: CALL_DOC, state: finishedRun('yes'), analyst: ANALYST, includeStudentData: false });
  return {
    'sync:deliver': [{ requestId: escalation.id, attemptId: 'a1', escalation, maybeDelivered: false }],
    'sync:resubmit': [{ resubmitId: randomUUID(), attemptId: 'a1', remoteId: '1001', escalation, maybeDelivered: true }],
    'sync:logCall': record ? [{ requestId: RUN_ID, attemptId: 'a1', record, maybeDelivered: false }] : [],
    'settings:update': [
      { districtSla: DEFAULT_SETTINGS.districtSla },
      { connector: { kind: 'webhook', url: `${connectorUrl}/hooks` } },
      { connector: { kind: 'request-tracker', url: connectorUrl, queue: 'General' } },
      { uiLanguage: 'es' },
    ],
  };
}
