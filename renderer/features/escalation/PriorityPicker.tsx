import type { SlaPolicy } from '../../../shared/sla';
import { PRIORITIES, dueAt } from '../../../shared/sla';
import type { Priority } from '../../../shared/sla';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';

/**
 * The vendor's priority matrix as the form shows it (shared/sla VENDOR_PRIORITY_MATRIX is its
 * English text, which the ticket and the vendor case quote; PriorityPicker.test.tsx checks the
 * English here is the same).
 */
export const PRIORITY_TEXT: Record<Priority, { label: MessageKey; response: MessageKey; example: MessageKey }> = {
  critical: {
    label: 'escalation.priority.critical.label',
    response: 'escalation.priority.critical.response',
    example: 'escalation.priority.critical.example',
  },
  high: { label: 'escalation.priority.high.label', response: 'escalation.priority.high.response', example: 'escalation.priority.high.example' },
  medium: {
    label: 'escalation.priority.medium.label',
    response: 'escalation.priority.medium.response',
    example: 'escalation.priority.medium.example',
  },
  low: { label: 'escalation.priority.low.label', response: 'escalation.priority.low.response', example: 'escalation.priority.low.example' },
};

/** Luxon's DATETIME_MED_WITH_WEEKDAY, which the due times used before: "Tue, Mar 3, 2026, 10:00 AM". */
const DUE_FORMAT = { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric' } as const;

/**
 * The vendor's priority matrix with its examples, and for each priority the due time it implies
 * right now on the applicable business calendar, so the analyst sees what the choice means.
 */
export function PriorityPicker({
  value,
  onChange,
  policy,
  now,
  error,
}: {
  value: Priority;
  onChange: (p: Priority) => void;
  policy: SlaPolicy;
  now: Date;
  error?: string;
}) {
  const t = useT();
  return (
    <fieldset className="priority-picker" aria-describedby={error ? 'priority-error' : undefined}>
      <legend>{t('escalation.priority.legend', { calendar: policy.name })}</legend>
      {PRIORITIES.map((p) => {
        const row = PRIORITY_TEXT[p];
        // The analyst's own time zone, as before.
        const due = t.intl.formatDate(dueAt(policy, p, now), DUE_FORMAT);
        return (
          <label key={p} className={`priority-option${value === p ? ' selected' : ''}`}>
            <input type="radio" name="priority" value={p} checked={value === p} onChange={() => onChange(p)} />
            <span className="priority-label">{t(row.label)}</span>
            <span className="muted">{t(row.response)}</span>
            <span className="priority-example">{t(row.example)}</span>
            <span className="priority-due" data-testid={`due-${p}`}>
              {t('escalation.priority.due', { due })}
            </span>
          </label>
        );
      })}
      {error && (
        <small id="priority-error" className="error-text" role="alert">
          {error}
        </small>
      )}
    </fieldset>
  );
}
