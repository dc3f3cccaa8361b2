import { escalationSchema } from '../../../shared/escalation/schema';
import type { EscalationDraft } from '../../../shared/escalation/schema';
import type { UserProfile } from '../../../shared/ipc/settings';
import { dueAt } from '../../../shared/sla';
import type { SlaPolicy } from '../../../shared/sla';
import { db } from '../../db/db';
import type { DraftRow } from '../../db/db';
import { enqueueEscalation, enqueueResubmit, requeueEdited } from '../outbox/enqueue';
import { kickOutbox } from '../outbox/runtime';

/**
 * Turns a validated, guard-clean draft into an escalation and queues it (one transaction with
 * its outbox entry). A re-queued edit keeps its request id, so the server can never get two.
 */
export async function queueDraft(
  draft: DraftRow,
  values: EscalationDraft,
  context: { analyst: UserProfile; policy: SlaPolicy; now: Date },
): Promise<string> {
  const id = draft.replacesRequestId ?? crypto.randomUUID();
  const escalation = escalationSchema.parse({
    id,
    createdAt: context.now.toISOString(),
    analyst: { id: context.analyst.id, name: context.analyst.name },
    slaDueAt: dueAt(context.policy, values.priority, context.now).toISOString(),
    draft: values,
  });
  if (draft.resubmitRemoteId) await enqueueResubmit(db(), escalation, draft.resubmitRemoteId, context.now.getTime(), draft.id);
  else if (draft.replacesRequestId) await requeueEdited(db(), escalation, context.now.getTime(), draft.id);
  else await enqueueEscalation(db(), escalation, context.now.getTime(), draft.id);
  kickOutbox();
  return id;
}
