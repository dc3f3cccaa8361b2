import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { REVIEW_STATES } from '../../../shared/review/schema';
import { PRIORITIES } from '../../../shared/sla';
import { db } from '../../db/db';
import type { ReviewRow } from '../../db/db';
import { useT } from '../../i18n';
import type { Translate } from '../../i18n';
import { DEFAULT_FILTER, queryReviews } from './queries';
import type { ReviewFilter } from './queries';
import { useReviewRefresh } from './refresh';
import { ReviewDetail } from './ReviewDetail';
import { CLOCK, PRIORITY_LABEL, STATE_LABEL, wordOf } from './words';

const PAGE = 100;

function age(t: Translate, ms: number, now: number): string {
  const h = Math.floor((now - ms) / 3_600_000);
  return h < 1 ? t('review.age.underHour') : h < 48 ? t('review.age.hours', { hours: h }) : t('review.age.days', { days: Math.floor(h / 24) });
}

/** A filter over values seen in the cache ("" = any). */
function AnyOf({ label, value, options, onChange }: { label: string; value: string; options: readonly string[]; onChange: (value: string) => void }) {
  const t = useT();
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('review.filter.any')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Escalations for supervisors: a filterable, sortable list read from the local cache (so it
 * works offline and stays fast at 100,000 rows: only the visible rows render), and the
 * selected escalation's detail with its SLA clocks and the decision form.
 */
export function ReviewScreen() {
  const t = useT();
  const [filter, setFilter] = useState<ReviewFilter>(DEFAULT_FILTER);
  const [loaded, setLoaded] = useState(PAGE);
  const [selected, setSelected] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  const status = useReviewRefresh();
  const rows = useLiveQuery(() => queryReviews(db(), filter, now, loaded), [filter, now, loaded], [] as ReviewRow[]);
  const schools = useLiveQuery(async () => (await db().reviews.orderBy('school').uniqueKeys()).map(String).filter(Boolean), [], []);
  const sops = useLiveQuery(async () => (await db().reviews.orderBy('sopId').uniqueKeys()).map(String).filter(Boolean), [], []);
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => 58, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1);

  useEffect(() => {
    if (last && last.index >= rows.length - 10 && rows.length === loaded) setLoaded((n) => n + PAGE);
  }, [last, rows.length, loaded]);

  const set = <K extends keyof ReviewFilter>(key: K, value: ReviewFilter[K]) => {
    setFilter((f) => ({ ...f, [key]: value }));
    setLoaded(PAGE);
  };

  return (
    <div className="review">
      <h1>{t('review.heading')}</h1>
      <p className="muted" role="status">
        {status.busy
          ? t('review.status.refreshing')
          : status.lastPulled
            ? t('review.status.updated', { time: t.intl.formatTime(status.lastPulled, CLOCK) })
            : t('review.status.savedCopy')}{' '}
        {status.error && <span className="error-text">{t('review.status.error', { error: status.error })}</span>}{' '}
        <button type="button" onClick={() => void status.refresh()} disabled={status.busy}>
          {t('review.status.refresh')}
        </button>
      </p>
      <div className="review-filters" role="search" aria-label={t('review.filter.label')}>
        <label>
          {t('review.filter.status')}{' '}
          <select value={filter.state} onChange={(e) => set('state', e.target.value as ReviewFilter['state'])}>
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s}>
                {t(STATE_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('review.filter.priority')}{' '}
          <select value={filter.priority} onChange={(e) => set('priority', e.target.value as ReviewFilter['priority'])}>
            <option value="any">{t('review.filter.any')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(PRIORITY_LABEL[p])}
              </option>
            ))}
          </select>
        </label>
        <AnyOf label={t('review.filter.school')} value={filter.school} options={schools} onChange={(v) => set('school', v)} />
        <AnyOf label={t('review.filter.sop')} value={filter.sopId} options={sops} onChange={(v) => set('sopId', v)} />
        <label>
          {t('review.filter.sla')}{' '}
          <select value={filter.sla} onChange={(e) => set('sla', e.target.value as ReviewFilter['sla'])}>
            <option value="any">{t('review.filter.any')}</option>
            <option value="breached">{t('review.filter.sla.breached')}</option>
            <option value="due-today">{t('review.filter.sla.dueToday')}</option>
            <option value="ok">{t('review.filter.sla.ok')}</option>
          </select>
        </label>
        <label>
          {t('review.filter.sort')}{' '}
          <select value={filter.sort} onChange={(e) => set('sort', e.target.value as ReviewFilter['sort'])}>
            <option value="oldest">{t('review.filter.sort.oldest')}</option>
            <option value="newest">{t('review.filter.sort.newest')}</option>
            <option value="due">{t('review.filter.sort.due')}</option>
          </select>
        </label>
      </div>
      <div className="review-split">
        {/* A listbox may hold only options: with none to show, the list is a plain box saying so. */}
        <div ref={parentRef} className="review-list" {...(rows.length > 0 ? { role: 'listbox', 'aria-label': t('review.list.label'), tabIndex: 0 } : {})}>
          {rows.length === 0 && <p className="muted">{t('review.list.empty')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((v) => {
              const row = rows[v.index]!;
              const overdue = row.slaDueAt < now && row.reviewState === 'awaiting-review';
              const priority = wordOf(PRIORITY_LABEL, row.priority);
              return (
                <div
                  key={row.remoteId}
                  role="option"
                  aria-selected={selected === row.remoteId}
                  tabIndex={-1}
                  data-testid="review-row"
                  className={`review-row${selected === row.remoteId ? ' selected' : ''}${overdue ? ' overdue' : ''}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}
                  onClick={() => setSelected(row.remoteId)}
                  onKeyDown={(e) => e.key === 'Enter' && setSelected(row.remoteId)}
                >
                  <div className="review-subject">{row.item.subject}</div>
                  <div className="muted">
                    #{row.remoteId} · {priority ? t(priority) : row.priority} · {row.school || t('review.list.noSchool')} · {age(t, row.createdAt, now)}
                    {row.item.vendorCase ? ` · ${t('review.list.vendorCase', { caseNumber: row.item.vendorCase.caseNumber })}` : ''}
                    {overdue ? ` · ${t('review.list.breached')}` : ''}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
        <div className="review-detail">{selected ? <ReviewDetail remoteId={selected} /> : <p className="muted">{t('review.list.choose')}</p>}</div>
      </div>
    </div>
  );
}
