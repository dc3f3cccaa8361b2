import type { RecordedAnchor } from '../../audit';
import { ConnectorError } from '../outcome';
import type { DecisionAnchorLookup, ReviewConnector } from '../review';
import { isMarkerId, parseAnchor } from '../rt/review-markers';
import { isSysId } from './sn-api';
import type { SnContext } from './sn-context';
import { entryMarker, findMarker, readIncidentJournal, searchJournal } from './sn-review-journal';
import { getForReview, listForReview, reviewStatus } from './sn-review-read';
import { decide, resubmit } from './sn-review-write';

/**
 * Supervisor review on ServiceNow. The state and the escalation's JSON copy live in incident
 * fields district IT creates (`u_deskbook_review`, `u_deskbook_escalation`, and
 * `u_deskbook_vendor_case`; README); every decision and resubmission is a work note whose first
 * line is a `[Deskbook decision <uuid>]` or `[Deskbook resubmission <uuid>]` marker, so the
 * journal is the review history and a retry finds its own write. A decision's note ends with the
 * audit trail's anchor line, read back by `decisionAnchor` and `auditAnchors`. The version a
 * decision is checked against is `sys_mod_count`: a check right before the write, not a lock.
 */
export function createSnReview(ctx: SnContext): ReviewConnector {
  return {
    listForReview: (cursor) => listForReview(ctx, cursor),
    getForReview: (remoteId) => getForReview(ctx, remoteId),
    decide: (remoteId, decision, options) => decide(ctx, remoteId, decision, options),
    resubmit: (remoteId, escalation, options) => resubmit(ctx, remoteId, escalation, options),
    reviewStatus: (remoteIds) => reviewStatus(ctx, remoteIds),
    decisionAnchor: (remoteId, decisionId) => decisionAnchor(ctx, remoteId, decisionId),
    auditAnchors: () => auditAnchors(ctx),
  };
}

async function decisionAnchor(ctx: SnContext, remoteId: string, decisionId: string): Promise<DecisionAnchorLookup> {
  // `decide` refuses such ids before writing anything: a decision with one is positively not there.
  if (!isSysId(remoteId) || !isMarkerId(decisionId)) return { found: false };
  const journal = await readIncidentJournal(ctx.client, remoteId);
  if (!journal.ok) throw new ConnectorError(journal.outcome);
  const entry = findMarker(journal.entries, 'decision', decisionId);
  return entry ? { found: true, anchor: parseAnchor(entryMarker(entry).body) } : { found: false };
}

/**
 * Every anchor in the decision work notes this account can read, oldest first: one search on
 * the marker prefix, so a sealed-notes work note is never fetched. Where an ACL hides
 * `sys_journal_field` the list is empty, and `audit:verify` reports the anchors as not found.
 */
async function auditAnchors(ctx: SnContext): Promise<RecordedAnchor[]> {
  const found = await searchJournal(ctx.client, 'name=incident^element=work_notes^valueSTARTSWITH[Deskbook decision');
  if (!found.ok) throw new ConnectorError(found.outcome);
  return found.entries.flatMap((entry) => {
    const { marker, body } = entryMarker(entry);
    const anchor = marker?.kind === 'decision' ? parseAnchor(body) : null;
    return marker && anchor && isSysId(entry.incident) ? [{ decisionId: marker.id, remoteId: entry.incident, anchor }] : [];
  });
}
