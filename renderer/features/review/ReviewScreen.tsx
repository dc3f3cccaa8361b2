import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { REVIEW_STATES } from '../../../shared/review/schema';
import { PRIORITIES, VENDOR_PRIORITY_MATRIX } from '../../../shared/sla';
import { db } from '../../db/db';
import type { ReviewRow } from '../../db/db';
import { DEFAULT_FILTER, queryReviews } from './queries';
import type { ReviewFilter } from './queries';
import { useReviewRefresh } from './refresh';
import { ReviewDetail } from './ReviewDetail';

const PAGE = 100;
const STATE_LABEL = { 'awaiting-review': 'Awaiting review', returned: 'Returned', approved: 'Approved', forwarded: 'Forwarded' } as const;

function age(ms: number, now: number): string {
  const h = Math.floor((now - ms) / 3_600_000);
  return h < 1 ? 'under 1 h' : h < 48 ? `${h} h` : `${Math.floor(h / 24)} d`;
}

/** A filter over values seen in the cache ("" = any). */
function AnyOf({ label, value, options, onChange }: { label: string; value: string; options: readonly string[]; onChange: (value: string) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
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
      <h1>Review</h1>
      <p className="muted" role="status">
        {status.busy ? 'Refreshing…' : status.lastPulled ? `Updated ${status.lastPulled.toLocaleTimeString()}` : 'Showing the saved copy.'}{' '}
        {status.error && <span className="error-text">Could not refresh: {status.error}</span>}{' '}
        <button type="button" onClick={() => void status.refresh()} disabled={status.busy}>
          Refresh
        </button>
      </p>
      <div className="review-filters" role="search" aria-label="Filter escalations">
        <label>
          Status{' '}
          <select value={filter.state} onChange={(e) => set('state', e.target.value as ReviewFilter['state'])}>
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Priority{' '}
          <select value={filter.priority} onChange={(e) => set('priority', e.target.value as ReviewFilter['priority'])}>
            <option value="any">Any</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {VENDOR_PRIORITY_MATRIX[p].label}
              </option>
            ))}
          </select>
        </label>
        <AnyOf label="School" value={filter.school} options={schools} onChange={(v) => set('school', v)} />
        <AnyOf label="SOP" value={filter.sopId} options={sops} onChange={(v) => set('sopId', v)} />
        <label>
          SLA{' '}
          <select value={filter.sla} onChange={(e) => set('sla', e.target.value as ReviewFilter['sla'])}>
            <option value="any">Any</option>
            <option value="breached">Breached</option>
            <option value="due-today">Due within a day</option>
            <option value="ok">Not yet due</option>
          </select>
        </label>
        <label>
          Sort{' '}
          <select value={filter.sort} onChange={(e) => set('sort', e.target.value as ReviewFilter['sort'])}>
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
            <option value="due">Due first</option>
          </select>
        </label>
      </div>
      <div className="review-split">
        {/* A listbox may hold only options: with none to show, the list is a plain box saying so. */}
        <div ref={parentRef} className="review-list" {...(rows.length > 0 ? { role: 'listbox', 'aria-label': 'Escalations', tabIndex: 0 } : {})}>
          {rows.length === 0 && <p className="muted">No escalations match.</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((v) => {
              const row = rows[v.index]!;
              const overdue = row.slaDueAt < now && row.reviewState === 'awaiting-review';
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
                    #{row.remoteId} · {VENDOR_PRIORITY_MATRIX[row.priority as 'medium']?.label ?? row.priority} · {row.school || 'no school'} · {age(row.createdAt, now)}
                    {row.item.vendorCase ? ` · IC case ${row.item.vendorCase.caseNumber}` : ''}
                    {overdue ? ' · SLA breached' : ''}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
        <div className="review-detail">{selected ? <ReviewDetail remoteId={selected} /> : <p className="muted">Choose an escalation.</p>}</div>
      </div>
    </div>
  );
}
