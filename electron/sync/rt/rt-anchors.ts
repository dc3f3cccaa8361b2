import type { AuditAnchor, RecordedAnchor } from '../../audit';
import { ConnectorError } from '../outcome';
import type { FailureOutcome } from '../outcome';
import type { DecisionAnchorLookup } from '../review';
import { readAttachments, searchTransactions } from './rt-context';
import type { RtContext } from './rt-context';
import { textByTransaction } from './review-history';
import { hasMarker, isMarkerId, parseAnchor, parseMarker } from './review-markers';
import type { MarkerKind } from './review-markers';

const TICKET_ID = /^\d{1,15}$/;

export type MarkerLookup =
  | { ok: true; found: boolean; latest: boolean; /** The comment carrying the marker, when found. */ transactionId: string | null }
  | { ok: false; outcome: FailureOutcome };

/** Looks for this marker among the ticket's comments of the same kind (one TransactionSQL query). */
export async function findMarker(ctx: RtContext, remoteId: string, kind: MarkerKind, id: string): Promise<MarkerLookup> {
  const query = `ObjectType = 'RT::Ticket' AND ObjectId = ${remoteId} AND Type = 'Comment' AND Data LIKE 'Deskbook ${kind}'`;
  const found = await searchTransactions(ctx.client, query, 'Data');
  if (!found.ok) return found;
  const mine = found.items.map((t) => hasMarker(t.Data, kind, id));
  const at = mine.indexOf(true);
  return { ok: true, found: at >= 0, latest: mine[mine.length - 1] === true, transactionId: found.items[at]?.id ?? null };
}

/** The audit anchor one decision comment carries: only that comment's text is read. */
export async function commentAnchor(ctx: RtContext, transactionId: string): Promise<{ ok: true; anchor: AuditAnchor | null } | { ok: false; outcome: FailureOutcome }> {
  const read = await readAttachments(ctx.client, [transactionId]);
  if (!read.ok) return read;
  const text = textByTransaction(read.items).get(transactionId);
  return { ok: true, anchor: text === undefined ? null : parseAnchor(text) };
}

/** Whether this decision's comment is on the ticket, and its anchor (two small requests). */
export async function decisionAnchor(ctx: RtContext, remoteId: string, decisionId: string): Promise<DecisionAnchorLookup> {
  // `decide` refuses such ids before writing anything: a decision with one is positively not there.
  if (!TICKET_ID.test(remoteId) || !isMarkerId(decisionId)) return { found: false };
  const marker = await findMarker(ctx, remoteId, 'decision', decisionId);
  if (!marker.ok) throw new ConnectorError(marker.outcome);
  if (!marker.found || marker.transactionId === null) return { found: false };
  const read = await commentAnchor(ctx, marker.transactionId);
  if (!read.ok) throw new ConnectorError(read.outcome);
  return { found: true, anchor: read.anchor };
}

/**
 * Every anchor in the decision comments this account can read, in any queue (a ticket moved on
 * after its decision keeps its comment): one TransactionSQL search on the marker, then the texts
 * of those comments only, so a sealed-notes comment's text is never fetched.
 */
export async function auditAnchors(ctx: RtContext): Promise<RecordedAnchor[]> {
  const found = await searchTransactions(ctx.client, "ObjectType = 'RT::Ticket' AND Type = 'Comment' AND Data LIKE 'Deskbook decision'", 'ObjectId,Data');
  if (!found.ok) throw new ConnectorError(found.outcome);
  const decisions = found.items.flatMap((t) => {
    const marker = parseMarker(t.Data);
    return marker?.kind === 'decision' && t.ObjectId ? [{ id: t.id, remoteId: t.ObjectId, decisionId: marker.id }] : [];
  });
  const read = await readAttachments(ctx.client, decisions.map((d) => d.id));
  if (!read.ok) throw new ConnectorError(read.outcome);
  const texts = textByTransaction(read.items);
  return decisions.flatMap((d) => {
    const anchor = parseAnchor(texts.get(d.id) ?? '');
    return anchor ? [{ decisionId: d.decisionId, remoteId: d.remoteId, anchor }] : [];
  });
}
