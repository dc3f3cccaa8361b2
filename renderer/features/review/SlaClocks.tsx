import { useEffect, useState } from 'react';
import { formatBusinessDuration, slaClock } from '../../../shared/sla';
import type { Priority, SlaPolicy } from '../../../shared/sla';
import { businessDayMinutesOf } from '../../../shared/sla';
import type { VendorClock } from './vendor-clock';

const STATE_WORDS = { ok: 'On time', warning: 'Due soon', breached: 'Breached' } as const;

function Clock({ label, policy, priority, start, now, calendar }: { label: string; policy: SlaPolicy; priority: Priority; start: Date; now: Date; calendar?: boolean }) {
  const clock = slaClock(policy, priority, start, now);
  const remaining = formatBusinessDuration(clock.remainingMs, businessDayMinutesOf(policy.calendar));
  return (
    <div className={`sla-clock sla-${clock.state}`} data-testid={`sla-${label.toLowerCase()}`} data-state={clock.state}>
      <div className="sla-label">{label}</div>
      <div className="sla-remaining" aria-live="off">
        {clock.state === 'breached' ? `Overdue ${remaining.replace(/^-/, '')}` : `${remaining} left`}
      </div>
      <div className="muted">
        {STATE_WORDS[clock.state]} · due {clock.dueAt.toLocaleString()}
        {calendar && ` · ${policy.calendar.name}`}
      </div>
    </div>
  );
}

/** The vendor's clock before there is a vendor case: nothing runs yet, and it says when it will. */
function NotStarted({ label, policy }: { label: string; policy: SlaPolicy }) {
  return (
    <div className="sla-clock sla-not-started" data-testid={`sla-${label.toLowerCase()}`} data-state="not-started">
      <div className="sla-label">{label}</div>
      <div className="sla-remaining">Not started</div>
      <div className="muted">Starts when the case is submitted · {policy.calendar.name}</div>
    </div>
  );
}

/**
 * Live countdowns in business time: the district's clock from the ticket's creation, and the
 * vendor's beside it when the escalation is (or is becoming) a vendor case, from the moment the
 * vendor case was submitted (`vendorClockOf`). Amber at 25% remaining, red once breached.
 */
export function SlaClocks({ district, priority, createdAt, vendor }: { district: SlaPolicy; priority: Priority; createdAt: string; vendor: VendorClock | null }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="sla-clocks" role="group" aria-label="SLA clocks">
      <Clock label="District" policy={district} priority={priority} start={new Date(createdAt)} now={now} />
      {vendor &&
        (vendor.startedAt === null ? (
          <NotStarted label="Vendor" policy={vendor.policy} />
        ) : (
          <Clock label="Vendor" policy={vendor.policy} priority={priority} start={new Date(vendor.startedAt)} now={now} calendar />
        ))}
    </div>
  );
}
