import { useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type { SettingsView } from '../../../shared/ipc/settings';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { PRIORITIES, VENDOR_PRIORITY_MATRIX, holidaysInYear, slaPolicySchema } from '../../../shared/sla';
import type { Closure, SlaPolicy } from '../../../shared/sla';
import { useAppStore } from '../../state/store';
import { deskbook } from '../../ipc/client';
import { errorText } from '../../ui/error-text';

const DAYS = [
  ['1', 'Mon'],
  ['2', 'Tue'],
  ['3', 'Wed'],
  ['4', 'Thu'],
  ['5', 'Fri'],
  ['6', 'Sat'],
  ['7', 'Sun'],
] as const;

/**
 * The district help desk's SLA calendar: time zone, open hours, holidays (shown as observed this
 * year), closures imported from the district's ICS calendar, and a target per priority.
 */
export function DistrictCalendar({ settings, locked }: { settings: SettingsView; locked: boolean }) {
  const setSettings = useAppStore((s) => s.setSettings);
  const policy = settings.districtSla;
  const firstOpen = Object.values(policy.calendar.week).find((d) => d && d.length > 0)?.[0];
  const [zone, setZone] = useState(policy.calendar.zone);
  const [open, setOpen] = useState(firstOpen?.open ?? '07:00');
  const [close, setClose] = useState(firstOpen?.close ?? '17:00');
  const [days, setDays] = useState<string[]>(Object.keys(policy.calendar.week).filter((d) => (policy.calendar.week[d as '1']?.length ?? 0) > 0));
  const [closures, setClosures] = useState<Closure[]>(policy.calendar.closures);
  const [targets, setTargets] = useState(policy.targets);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const year = new Date().getFullYear();

  const onIcs = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const { parseIcsClosures } = await import('../../../shared/sla/ics');
      const imported = parseIcsClosures(await file.text(), zone);
      setClosures((old) => [...old, ...imported]);
      setMessage({ ok: true, text: `Read ${imported.length} closures from ${file.name}. Save to keep them.` });
    } catch (cause) {
      setMessage({ ok: false, text: `${file.name}: ${errorText(cause)}` });
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const hours = [{ open, close }];
    const candidate: SlaPolicy = {
      ...policy,
      calendar: { ...policy.calendar, zone, week: Object.fromEntries(days.map((d) => [d, hours])), closures },
      targets,
    };
    const parsed = slaPolicySchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setMessage({ ok: false, text: issue ? issue.message : 'The calendar is not valid.' });
      return;
    }
    const result = await deskbook().settings.update({ districtSla: parsed.data });
    if (result.ok) {
      setSettings(result.value);
      setMessage({ ok: true, text: 'District calendar saved. Due times of new tickets use it.' });
    } else {
      setMessage({ ok: false, text: result.error.message });
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">District SLA calendar</h2>
      {locked && <p className="muted">🔒 Your district&apos;s policy sets this calendar.</p>}
      {policy.id === DEFAULT_DISTRICT_POLICY.id && (
        <p className="warning" data-testid="calendar-placeholder">
          These are placeholder hours, not your district&apos;s: no source says when your help desk is open. Set your hours, zone and holidays
          here, or ask district IT to set DistrictSlaCalendar.
        </p>
      )}
      <fieldset disabled={locked} className="plain-fieldset">
      <div className="field">
        <label htmlFor="cal-zone">Time zone (IANA, e.g. America/Denver)</label>
        <input id="cal-zone" value={zone} onChange={(e) => setZone(e.target.value)} />
      </div>
      <fieldset>
        <legend>Open days</legend>
        {DAYS.map(([d, label]) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={days.includes(d)}
              onChange={(e) => setDays((old) => (e.target.checked ? [...old, d] : old.filter((x) => x !== d)))}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <div className="field">
          <label htmlFor="cal-open">Opens</label>
          <input id="cal-open" type="time" value={open} onChange={(e) => setOpen(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="cal-close">Closes</label>
          <input id="cal-close" type="time" value={close} onChange={(e) => setClose(e.target.value)} />
        </div>
      </div>
      <fieldset>
        <legend>Targets</legend>
        {PRIORITIES.map((p) => (
          <div className="row" key={p}>
            <label htmlFor={`target-${p}`}>{VENDOR_PRIORITY_MATRIX[p].label}</label>
            <input
              id={`target-${p}`}
              type="number"
              min={0.25}
              step={0.25}
              value={targets[p].amount}
              onChange={(e) => setTargets((t) => ({ ...t, [p]: { ...t[p], amount: Number(e.target.value) } }))}
            />
            <select
              aria-label={`${VENDOR_PRIORITY_MATRIX[p].label} target unit`}
              value={targets[p].unit}
              onChange={(e) => setTargets((t) => ({ ...t, [p]: { ...t[p], unit: e.target.value as 'business-hours' | 'business-days' } }))}
            >
              <option value="business-hours">business hours</option>
              <option value="business-days">business days</option>
            </select>
          </div>
        ))}
      </fieldset>
      <details>
        <summary>Holidays observed in {year}</summary>
        <ul>
          {holidaysInYear(policy.calendar, year).map((h) => (
            <li key={h.date}>
              {h.date}: {h.name}
            </li>
          ))}
        </ul>
      </details>
      <div className="field">
        <label htmlFor="cal-ics">Import closures from the district calendar (.ics)</label>
        <input id="cal-ics" type="file" accept=".ics,text/calendar" onChange={(e) => void onIcs(e)} />
      </div>
      {closures.length > 0 && (
        <ul aria-label="Closures">
          {closures.map((c, i) => (
            <li key={`${c.start}-${i}`}>
              {new Date(c.start).toLocaleString()} – {new Date(c.end).toLocaleString()}: {c.reason}{' '}
              <button type="button" onClick={() => setClosures((old) => old.filter((_, j) => j !== i))} aria-label={`Remove closure ${c.reason}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="submit">Save calendar</button>
      </fieldset>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'error-text'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
