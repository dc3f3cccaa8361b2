import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { languageLabel } from '../../../shared/i18n/languages';
import type { ReviewDetail as Detail, ReviewItem } from '../../../shared/review/schema';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { useAppStore } from '../../state/store';
import { db } from '../../db/db';
import type { DecisionRow } from '../../db/db';
import { deskbook } from '../../ipc/client';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { DecisionForm } from './DecisionForm';
import { SlaClocks } from './SlaClocks';
import { cacheReview, reviewCurrentVersion } from './sync';
import { VendorCaseForm } from './VendorCaseForm';
import { vendorClockOf } from './vendor-clock';
import { CALLER_ROLE, DATE_TIME, DECISION_WORD, ESCALATION_KIND, HISTORY_WORD, PRIORITY_WORD, STATE_WORD, wordOf } from './words';

/** A value's words from a table, or the value itself when the table does not know it. */
function useWord() {
  const t = useT();
  return <K extends string>(table: Record<K, MessageKey>, value: string): string => {
    const key = wordOf(table, value);
    return key ? t(key) : value;
  };
}

function Facts({ item }: { item: ReviewItem }) {
  const t = useT();
  const word = useWord();
  const d = item.escalation?.draft;
  if (!d) return <p className="muted">{t('review.facts.notDeskbook')}</p>;
  const facts: [MessageKey, string | undefined][] = [
    ['review.facts.kind', t(ESCALATION_KIND[d.kind])],
    ['review.facts.priority', word(PRIORITY_WORD, d.priority)],
    ['review.facts.caller', [d.callerName, d.callerRole ? word(CALLER_ROLE, d.callerRole) : ''].filter(Boolean).join(', ')],
    ['review.facts.callback', d.callbackPhone],
    // Who calls back needs to know the parent spoke Spanish on the call.
    ['review.facts.callLanguage', d.callerLanguage ? languageLabel(d.callerLanguage, t.intl.locale) : undefined],
    ['review.facts.student', [d.studentName, d.studentNumber].filter(Boolean).join(' · ') || undefined],
    ['review.facts.school', d.school],
    ['review.facts.sop', d.sop ? t('review.facts.sopVersion', { id: d.sop.id, version: d.sop.version }) : undefined],
    ['review.facts.analyst', item.escalation?.analyst.name],
    ['review.facts.hostedOutage', d.hostedOutage ? t('review.facts.hostedOutage.yes') : undefined],
    [
      'review.facts.vendorCase',
      item.vendorCase
        ? t('review.facts.vendorCase.value', {
            caseNumber: item.vendorCase.caseNumber,
            time: t.intl.formatDate(item.vendorCase.submittedAt, DATE_TIME),
          })
        : undefined,
    ],
  ];
  return (
    <>
      <dl className="facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{t(k)}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        <div>
          <dt>{t('review.facts.sealedNote')}</dt>
          <dd data-testid="sealed-note-flag">{item.hasSealedNote ? t('review.facts.sealedNote.yes') : t('review.facts.sealedNote.none')}</dd>
        </div>
      </dl>
      <h4>{t('review.facts.description')}</h4>
      <p className="pre">{d.description}</p>
      {d.replicationSteps && (
        <>
          <h4>{t('review.facts.replicationSteps')}</h4>
          <p className="pre">{d.replicationSteps}</p>
        </>
      )}
      <h4>{t('review.facts.path')}</h4>
      {d.stepsTried.length > 0 ? (
        <ol className="path-list">
          {d.stepsTried.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('review.facts.noSteps')}</p>
      )}
    </>
  );
}

function Conflict({ decision, onReview }: { decision: DecisionRow; onReview: () => void }) {
  const t = useT();
  const word = useWord();
  const current = decision.current;
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-heading">
      <h3 id="conflict-heading">{t('review.conflict.heading')}</h3>
      <p>{decision.message}</p>
      <div className="conflict-sides">
        <div>
          <h4>{t('review.conflict.seen')}</h4>
          <p className="pre">{decision.seen.escalation?.draft.description ?? decision.seen.subject}</p>
          <p className="muted">{t('review.conflict.yourDecision', { decision: word(DECISION_WORD, decision.decision.kind) })}</p>
        </div>
        <div>
          <h4>{t('review.conflict.now')}</h4>
          <p className="pre">{current?.escalation?.draft.description ?? current?.subject}</p>
          <p className="muted">{t('review.conflict.state', { state: current ? word(STATE_WORD, current.reviewState) : '' })}</p>
        </div>
      </div>
      <button type="button" className="primary" onClick={onReview}>
        {t('review.conflict.reviewCurrent')}
      </button>
    </section>
  );
}

/** One escalation: facts, live SLA clocks, the ticket's history, and the decision. */
export function ReviewDetail({ remoteId }: { remoteId: string }) {
  const t = useT();
  const word = useWord();
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

  if (!row) return <p aria-busy="true">{t('review.detail.loading')}</p>;
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
          {t('review.detail.ticket', { id: item.remoteId })}
        </a>{' '}
        · {word(STATE_WORD, item.reviewState)} · {t('review.detail.created', { time: t.intl.formatDate(item.createdAt, DATE_TIME) })}
      </p>
      {item.escalation && <SlaClocks district={district} priority={item.escalation.draft.priority} createdAt={item.escalation.createdAt} vendor={vendor} />}
      <Facts item={item} />
      {detail && detail.history.length > 0 && (
        <>
          <h4>{t('review.detail.history')}</h4>
          <ol className="history" data-testid="review-history">
            {detail.history.map((h, i) => (
              <li key={i}>
                <strong>{word(HISTORY_WORD, h.kind)}</strong> · {h.author} · {t.intl.formatDate(h.at, DATE_TIME)}
                {h.text && <p className="pre">{h.text}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
      {conflict && <Conflict decision={conflict} onReview={() => void reviewCurrent(conflict)} />}
      {failed && (
        <p role="alert" className="error-text">
          {t('review.detail.refused', { reason: failed.message ?? '' })}
        </p>
      )}
      {open && (
        <p role="status" className="flash" data-testid="decision-queued">
          {t('review.detail.queued', { decision: word(DECISION_WORD, open.decision.kind) })}
        </p>
      )}
      {!open && !conflict && item.reviewState === 'awaiting-review' && <DecisionForm key={`${item.remoteId}-${item.lastUpdated}`} row={row} />}
      {!open && item.reviewState === 'forwarded' && !item.vendorCase && <VendorCaseForm key={`vendor-${item.remoteId}`} row={row} />}
    </article>
  );
}
