import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ReviewDetail as Detail, ReviewItem } from '../../../shared/review/schema';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { useAppStore } from '../../state/store';
import { db } from '../../db/db';
import type { DecisionRow } from '../../db/db';
import { deskbook } from '../../ipc/client';
import { DecisionForm } from './DecisionForm';
import { SlaClocks } from './SlaClocks';
import { cacheReview, reviewCurrentVersion } from './sync';
import { VendorCaseForm } from './VendorCaseForm';
import { vendorClockOf } from './vendor-clock';

function Facts({ item }: { item: ReviewItem }) {
  const d = item.escalation?.draft;
  if (!d) return <p className="muted">This ticket was not created by Deskbook; open it in the ticketing system.</p>;
  const facts: [string, string | undefined][] = [
    ['Kind', d.kind === 'vendor-case' ? 'Vendor case' : 'District tier 2'],
    ['Priority', d.priority],
    ['Caller', [d.callerName, d.callerRole].filter(Boolean).join(', ')],
    ['Callback', d.callbackPhone],
    ['Student', [d.studentName, d.studentNumber].filter(Boolean).join(' · ') || undefined],
    ['School', d.school],
    ['SOP', d.sop ? `${d.sop.id} v${d.sop.version}` : undefined],
    ['Analyst', item.escalation?.analyst.name],
    ['Hosted outage', d.hostedOutage ? 'Yes: the vendor clock runs 24/7 (Hosting Support)' : undefined],
    ['Vendor case', item.vendorCase ? `Infinite Campus case ${item.vendorCase.caseNumber}, submitted ${new Date(item.vendorCase.submittedAt).toLocaleString()}` : undefined],
  ];
  return (
    <>
      <dl className="facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        <div>
          <dt>Sealed note</dt>
          <dd data-testid="sealed-note-flag">{item.hasSealedNote ? 'Yes (its content stays in the internal comment)' : 'None'}</dd>
        </div>
      </dl>
      <h4>Description</h4>
      <p className="pre">{d.description}</p>
      {d.replicationSteps && (
        <>
          <h4>Replication steps</h4>
          <p className="pre">{d.replicationSteps}</p>
        </>
      )}
      <h4>Path taken</h4>
      {d.stepsTried.length > 0 ? (
        <ol className="path-list">
          {d.stepsTried.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">No steps recorded.</p>
      )}
    </>
  );
}

function Conflict({ decision, onReview }: { decision: DecisionRow; onReview: () => void }) {
  const current = decision.current;
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-heading">
      <h3 id="conflict-heading">Changed since you decided</h3>
      <p>{decision.message}</p>
      <div className="conflict-sides">
        <div>
          <h4>The version you decided on</h4>
          <p className="pre">{decision.seen.escalation?.draft.description ?? decision.seen.subject}</p>
          <p className="muted">Your decision: {decision.decision.kind}</p>
        </div>
        <div>
          <h4>The ticket now</h4>
          <p className="pre">{current?.escalation?.draft.description ?? current?.subject}</p>
          <p className="muted">Review state: {current?.reviewState}</p>
        </div>
      </div>
      <button type="button" className="primary" onClick={onReview}>
        Review the current version
      </button>
    </section>
  );
}

/** One escalation: facts, live SLA clocks, the ticket's history, and the decision. */
export function ReviewDetail({ remoteId }: { remoteId: string }) {
  const district = useAppStore((s) => s.settings?.districtSla) ?? DEFAULT_DISTRICT_POLICY;
  const row = useLiveQuery(() => db().reviews.get(remoteId), [remoteId]);
  const decisions = useLiveQuery(() => db().decisions.where('remoteId').equals(remoteId).toArray(), [remoteId], []);
  const [detail, setDetail] = useState<Detail | null>(null);

  useEffect(() => {
    let live = true;
    setDetail(null);
    void deskbook()
      .review.get({ remoteId })
      .then(async (result) => {
        if (!live || !result.ok) return;
        setDetail(result.value);
        await cacheReview(db(), result.value, district);
      });
    return () => {
      live = false;
    };
  }, [remoteId, district]);

  if (!row) return <p aria-busy="true">Loading…</p>;
  const item = row.item;
  const open = decisions.find((d) => d.state === 'queued');
  const conflict = decisions.find((d) => d.state === 'conflict');
  const failed = decisions.find((d) => d.state === 'failed');
  const vendor = vendorClockOf(item);

  const reviewCurrent = (d: DecisionRow) => reviewCurrentVersion(db(), d, district);

  return (
    <article aria-labelledby="review-detail-heading">
      <h2 id="review-detail-heading">{item.subject}</h2>
      <p className="muted">
        <a href={item.url} target="_blank" rel="noreferrer noopener">
          Ticket #{item.remoteId}
        </a>{' '}
        · {item.reviewState} · created {new Date(item.createdAt).toLocaleString()}
      </p>
      {item.escalation && <SlaClocks district={district} priority={item.escalation.draft.priority} createdAt={item.escalation.createdAt} vendor={vendor} />}
      <Facts item={item} />
      {detail && detail.history.length > 0 && (
        <>
          <h4>History</h4>
          <ol className="history" data-testid="review-history">
            {detail.history.map((h, i) => (
              <li key={i}>
                <strong>{h.kind}</strong> · {h.author} · {new Date(h.at).toLocaleString()}
                {h.text && <p className="pre">{h.text}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
      {conflict && <Conflict decision={conflict} onReview={() => void reviewCurrent(conflict)} />}
      {failed && (
        <p role="alert" className="error-text">
          The decision was refused: {failed.message}
        </p>
      )}
      {open && (
        <p role="status" className="flash" data-testid="decision-queued">
          Your decision ({open.decision.kind}) is queued and goes out as soon as the ticketing system answers.
        </p>
      )}
      {!open && !conflict && item.reviewState === 'awaiting-review' && <DecisionForm key={`${item.remoteId}-${item.lastUpdated}`} row={row} />}
      {!open && item.reviewState === 'forwarded' && !item.vendorCase && <VendorCaseForm key={`vendor-${item.remoteId}`} row={row} />}
    </article>
  );
}
