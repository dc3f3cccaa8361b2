import { useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type { SettingsView } from '../../../shared/ipc/settings';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { PRIORITIES, holidaysInYear, slaPolicySchema } from '../../../shared/sla';
import type { Closure, Priority, SlaPolicy } from '../../../shared/sla';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useAppStore } from '../../state/store';
import { deskbook } from '../../ipc/client';
import { errorText } from '../../ui/error-text';

const DAYS = [
  ['1', 'settings.calendar.day.mon'],
  ['2', 'settings.calendar.day.tue'],
  ['3', 'settings.calendar.day.wed'],
  ['4', 'settings.calendar.day.thu'],
  ['5', 'settings.calendar.day.fri'],
  ['6', 'settings.calendar.day.sat'],
  ['7', 'settings.calendar.day.sun'],
] as const satisfies readonly (readonly [string, MessageKey])[];

const PRIORITY_WORDS: Record<Priority, MessageKey> = {
  critical: 'settings.calendar.priority.critical',
  high: 'settings.calendar.priority.high',
  medium: 'settings.calendar.priority.medium',
  low: 'settings.calendar.priority.low',
};

/** A closure's start or end as `toLocaleString()` showed it, in the analyst's locale. */
const CLOSURE_TIME = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' } as const;

/**
 * The district help desk's SLA calendar: time zone, open hours, holidays (shown as observed this
 * year), closures imported from the district's ICS calendar, and a target per priority.
 */
export function DistrictCalendar({ settings, locked }: { settings: SettingsView; locked: boolean }) {
  const t = useT();
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
      setMessage({ ok: true, text: t('settings.calendar.icsRead', { count: imported.length, file: file.name }) });
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
      setMessage({ ok: false, text: issue ? issue.message : t('settings.calendar.invalid') });
      return;
    }
    const result = await deskbook().settings.update({ districtSla: parsed.data });
    if (result.ok) {
      setSettings(result.value);
      setMessage({ ok: true, text: t('settings.calendar.saved') });
    } else {
      setMessage({ ok: false, text: result.error.message });
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t('settings.calendar.heading')}</h2>
      {locked && <p className="muted">{t('settings.calendar.locked')}</p>}
      {policy.id === DEFAULT_DISTRICT_POLICY.id && (
        <p className="warning" data-testid="calendar-placeholder">
          {t('settings.calendar.placeholder')}
        </p>
      )}
      <fieldset disabled={locked} className="plain-fieldset">
      <div className="field">
        <label htmlFor="cal-zone">{t('settings.calendar.zone')}</label>
        <input id="cal-zone" value={zone} onChange={(e) => setZone(e.target.value)} />
      </div>
      <fieldset>
        <legend>{t('settings.calendar.openDays')}</legend>
        {DAYS.map(([d, label]) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={days.includes(d)}
              onChange={(e) => setDays((old) => (e.target.checked ? [...old, d] : old.filter((x) => x !== d)))}
            />{' '}
            {t(label)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <div className="field">
          <label htmlFor="cal-open">{t('settings.calendar.opens')}</label>
          <input id="cal-open" type="time" value={open} onChange={(e) => setOpen(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="cal-close">{t('settings.calendar.closes')}</label>
          <input id="cal-close" type="time" value={close} onChange={(e) => setClose(e.target.value)} />
        </div>
      </div>
      <fieldset>
        <legend>{t('settings.calendar.targets')}</legend>
        {PRIORITIES.map((p) => (
          <div className="row" key={p}>
            <label htmlFor={`target-${p}`}>{t(PRIORITY_WORDS[p])}</label>
            <input
              id={`target-${p}`}
              type="number"
              min={0.25}
              step={0.25}
              value={targets[p].amount}
              onChange={(e) => setTargets((old) => ({ ...old, [p]: { ...old[p], amount: Number(e.target.value) } }))}
            />
            <select
              aria-label={t('settings.calendar.targetUnit', { priority: t(PRIORITY_WORDS[p]) })}
              value={targets[p].unit}
              onChange={(e) => setTargets((old) => ({ ...old, [p]: { ...old[p], unit: e.target.value as 'business-hours' | 'business-days' } }))}
            >
              <option value="business-hours">{t('settings.calendar.unit.businessHours')}</option>
              <option value="business-days">{t('settings.calendar.unit.businessDays')}</option>
            </select>
          </div>
        ))}
      </fieldset>
      <details>
        <summary>{t('settings.calendar.holidays', { year })}</summary>
        <ul>
          {holidaysInYear(policy.calendar, year).map((h) => (
            <li key={h.date}>
              {h.date}: {h.name}
            </li>
          ))}
        </ul>
      </details>
      <div className="field">
        <label htmlFor="cal-ics">{t('settings.calendar.ics')}</label>
        <input id="cal-ics" type="file" accept=".ics,text/calendar" onChange={(e) => void onIcs(e)} />
      </div>
      {closures.length > 0 && (
        <ul aria-label={t('settings.calendar.closures')}>
          {closures.map((c, i) => (
            <li key={`${c.start}-${i}`}>
              {t.intl.formatDate(c.start, CLOSURE_TIME)} – {t.intl.formatDate(c.end, CLOSURE_TIME)}: {c.reason}{' '}
              <button type="button" onClick={() => setClosures((old) => old.filter((_, j) => j !== i))} aria-label={t('settings.calendar.removeClosure', { reason: c.reason })}>
                {t('settings.calendar.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="submit">{t('settings.calendar.save')}</button>
      </fieldset>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'error-text'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
