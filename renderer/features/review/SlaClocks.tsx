import { useEffect, useState } from 'react';
import { formatBusinessDuration, slaClock } from '../../../shared/sla';
import type { Priority, SlaPolicy } from '../../../shared/sla';
import { businessDayMinutesOf } from '../../../shared/sla';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { VendorClock } from './vendor-clock';
import { DATE_TIME } from './words';

const STATE_WORDS = { ok: 'review.sla.ok', warning: 'review.sla.warning', breached: 'review.sla.breached' } as const satisfies Record<string, MessageKey>;

/** Whose clock it is; names its test id whatever the interface language. */
type Side = 'district' | 'vendor';
const SIDE_LABEL: Record<Side, MessageKey> = { district: 'review.sla.district', vendor: 'review.sla.vendor' };

function Clock({ side, policy, priority, start, now, calendar }: { side: Side; policy: SlaPolicy; priority: Priority; start: Date; now: Date; calendar?: boolean }) {
  const t = useT();
  const clock = slaClock(policy, priority, start, now);
  const remaining = formatBusinessDuration(clock.remainingMs, businessDayMinutesOf(policy.calendar));
  return (
    <div className={`sla-clock sla-${clock.state}`} data-testid={`sla-${side}`} data-state={clock.state}>
      <div className="sla-label">{t(SIDE_LABEL[side])}</div>
      <div className="sla-remaining" aria-live="off">
        {clock.state === 'breached' ? t('review.sla.overdue', { duration: remaining.replace(/^-/, '') }) : t('review.sla.left', { duration: remaining })}
      </div>
      <div className="muted">
        {t(STATE_WORDS[clock.state])} · {t('review.sla.due', { time: t.intl.formatDate(clock.dueAt, DATE_TIME) })}
        {calendar && ` · ${policy.calendar.name}`}
      </div>
    </div>
  );
}

/** The vendor's clock before there is a vendor case: nothing runs yet, and it says when it will. */
function NotStarted({ side, policy }: { side: Side; policy: SlaPolicy }) {
  const t = useT();
  return (
    <div className="sla-clock sla-not-started" data-testid={`sla-${side}`} data-state="not-started">
      <div className="sla-label">{t(SIDE_LABEL[side])}</div>
      <div className="sla-remaining">{t('review.sla.notStarted')}</div>
      <div className="muted">{t('review.sla.startsWhen', { calendar: policy.calendar.name })}</div>
    </div>
  );
}

/**
 * Live countdowns in business time: the district's clock from the ticket's creation, and the
 * vendor's beside it when the escalation is (or is becoming) a vendor case, from the moment the
 * vendor case was submitted (`vendorClockOf`). Amber at 25% remaining, red once breached.
 */
export function SlaClocks({ district, priority, createdAt, vendor }: { district: SlaPolicy; priority: Priority; createdAt: string; vendor: VendorClock | null }) {
  const t = useT();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="sla-clocks" role="group" aria-label={t('review.sla.label')}>
      <Clock side="district" policy={district} priority={priority} start={new Date(createdAt)} now={now} />
      {vendor &&
        (vendor.startedAt === null ? (
          <NotStarted side="vendor" policy={vendor.policy} />
        ) : (
          <Clock side="vendor" policy={vendor.policy} priority={priority} start={new Date(vendor.startedAt)} now={now} calendar />
        ))}
    </div>
  );
}
