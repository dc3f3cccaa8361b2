import { DateTime } from 'luxon';
import type { SlaPolicy } from '../../../shared/sla';
import { PRIORITIES, VENDOR_PRIORITY_MATRIX, dueAt } from '../../../shared/sla';
import type { Priority } from '../../../shared/sla';

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
  return (
    <fieldset className="priority-picker" aria-describedby={error ? 'priority-error' : undefined}>
      <legend>Priority (due times on the {policy.name} calendar)</legend>
      {PRIORITIES.map((p) => {
        const row = VENDOR_PRIORITY_MATRIX[p];
        const due = DateTime.fromJSDate(dueAt(policy, p, now));
        return (
          <label key={p} className={`priority-option${value === p ? ' selected' : ''}`}>
            <input type="radio" name="priority" value={p} checked={value === p} onChange={() => onChange(p)} />
            <span className="priority-label">{row.label}</span>
            <span className="muted">{row.response}</span>
            <span className="priority-example">{row.example}</span>
            <span className="priority-due" data-testid={`due-${p}`}>
              Due {due.toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY)}
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
