import { useEffect, useState } from 'react';
import { VENDOR_SUPPORT_POLICY, formatBusinessDuration, slaClock } from '../../../shared/sla';
import type { Priority, SlaPolicy } from '../../../shared/sla';
import { businessDayMinutesOf } from '../../../shared/sla';

const STATE_WORDS = { ok: 'On time', warning: 'Due soon', breached: 'Breached' } as const;

function Clock({ label, policy, priority, start, now }: { label: string; policy: SlaPolicy; priority: Priority; start: Date; now: Date }) {
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
      </div>
    </div>
  );
}

/**
 * Live countdowns in business time: the district's clock, and the vendor's beside it when the
 * escalation is (or is becoming) a vendor case. Amber at 25% remaining, red once breached.
 */
export function SlaClocks({ district, priority, createdAt, vendor }: { district: SlaPolicy; priority: Priority; createdAt: string; vendor: boolean }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const start = new Date(createdAt);
  return (
    <div className="sla-clocks" role="group" aria-label="SLA clocks">
      <Clock label="District" policy={district} priority={priority} start={start} now={now} />
      {vendor && <Clock label="Vendor" policy={VENDOR_SUPPORT_POLICY} priority={priority} start={start} now={now} />}
    </div>
  );
}
