import { escalationSchema } from '../../../shared/escalation/schema';
import type { EscalationDraft } from '../../../shared/escalation/schema';
import type { UserProfile } from '../../../shared/ipc/settings';
import { dueAt } from '../../../shared/sla';
import type { SlaPolicy } from '../../../shared/sla';
import { exhaustive } from '../../../shared/result';
import { db } from '../../db/db';
import type { DraftRow } from '../../db/db';
import { editedRequestId } from '../../db/draft-mode';
import { kickOutbox } from '../../outbox/runtime';
import { enqueueEscalation, enqueueResubmit, requeueEdited } from './delivery';

/**
 * Turns a validated, guard-clean draft into an escalation and queues it (one transaction with
 * its outbox entry). A re-queued edit keeps its request id, so the server can never get two.
 */
export async function queueDraft(
  draft: DraftRow,
  values: EscalationDraft,
  context: { analyst: UserProfile; policy: SlaPolicy; now: Date },
): Promise<string> {
  const id = editedRequestId(draft.mode) ?? crypto.randomUUID();
  const escalation = escalationSchema.parse({
    id,
    createdAt: context.now.toISOString(),
    analyst: { id: context.analyst.id, name: context.analyst.name },
    slaDueAt: dueAt(context.policy, values.priority, context.now).toISOString(),
    draft: values,
  });
  const now = context.now.getTime();
  const mode = draft.mode;
  switch (mode.kind) {
    case 'new':
      await enqueueEscalation(db(), escalation, now, draft.id);
      break;
    case 'requeue':
      await requeueEdited(db(), escalation, now, draft.id);
      break;
    case 'fix':
      await enqueueResubmit(db(), escalation, mode.remoteId, now, draft.id);
      break;
    default:
      exhaustive(mode, 'draft mode');
  }
  kickOutbox();
  return id;
}
