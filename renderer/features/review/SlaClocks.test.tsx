import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewItem } from '../../../shared/review/schema';
import { VENDOR_HOSTED_OUTAGE_POLICY, VENDOR_SUPPORT_POLICY } from '../../../shared/sla';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { I18nProvider } from '../../i18n';
import { createDeskbookIntl, setActiveIntl } from '../../i18n/intl';
import { testEscalation } from '../../outbox/pump.testkit';
import { SlaClocks } from './SlaClocks';
import { vendorClockOf } from './vendor-clock';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  setActiveIntl(createDeskbookIntl({ language: 'en', locale: 'en-US' }), 'en');
});

/** A forwarded Critical escalation created Monday 2026-10-19 08:00 CDT, with optional extras. */
function forwarded(extra: { hostedOutage?: boolean; vendorCase?: ReviewItem['vendorCase'] } = {}): ReviewItem {
  const escalation = testEscalation(7);
  return {
    remoteId: '7',
    url: 'https://rt/7',
    requestId: escalation.id,
    subject: 'Campus down',
    rtStatus: 'open',
    reviewState: 'forwarded',
    createdAt: '2026-10-19T13:00:00.000Z',
    lastUpdated: '2026-10-19T13:00:00.000Z',
    escalation: {
      ...escalation,
      createdAt: '2026-10-19T13:00:00.000Z',
      draft: { ...escalation.draft, priority: 'critical', hostedOutage: extra.hostedOutage ?? false },
    },
    hasSealedNote: false,
    etag: null,
    ...(extra.vendorCase ? { vendorCase: extra.vendorCase } : {}),
  };
}

function showClocks(item: ReviewItem, now: string, language?: 'es') {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
  const clocks = <SlaClocks district={DEFAULT_DISTRICT_POLICY} priority="critical" createdAt={item.escalation!.createdAt} vendor={vendorClockOf(item)} />;
  render(language ? <I18nProvider setting={language}>{clocks}</I18nProvider> : clocks);
  return screen.getByTestId('sla-vendor');
}

describe('the vendor SLA clock in review', () => {
  it('has not started before a vendor case is recorded, and says when it will', () => {
    const vendor = showClocks(forwarded(), '2026-10-19T15:00:00.000Z');
    expect(vendor.getAttribute('data-state')).toBe('not-started');
    expect(vendor.textContent).toContain('Not started');
    expect(vendor.textContent).toContain('Starts when the case is submitted');
    expect(vendor.textContent).not.toMatch(/left|Overdue/);
  });

  it('starts when the vendor case was submitted, not when the district ticket was created', () => {
    // Created 08:00 CDT, submitted 11:00 CDT, now 11:30: the vendor has half its Critical hour left.
    const item = forwarded({ vendorCase: { caseNumber: '1234567', submittedAt: '2026-10-19T16:00:00.000Z' } });
    const vendor = showClocks(item, '2026-10-19T16:30:00.000Z');
    expect(vendor.getAttribute('data-state')).toBe('ok');
    expect(vendor.textContent).toContain('30m left');
    expect(vendor.textContent).toContain(new Date('2026-10-19T17:00:00.000Z').toLocaleString());
    expect(screen.getByTestId('sla-district').getAttribute('data-state')).toBe('breached');
  });

  it('runs on the 24/7 Hosting Support clock for a hosted outage: Critical submitted Saturday 02:00 CT is due 03:00', () => {
    const item = forwarded({ hostedOutage: true, vendorCase: { caseNumber: '1234567', submittedAt: '2026-10-17T07:00:00.000Z' } });
    expect(vendorClockOf(item)?.policy).toBe(VENDOR_HOSTED_OUTAGE_POLICY);
    const vendor = showClocks(item, '2026-10-17T07:45:00.000Z');
    expect(vendor.getAttribute('data-state')).toBe('warning');
    expect(vendor.textContent).toContain('15m left');
    expect(vendor.textContent).toContain(new Date('2026-10-17T08:00:00.000Z').toLocaleString());
    expect(vendor.textContent).toContain('24/7');
  });

  it('keeps the business-hours calendar for anything else, and shows no vendor clock for a district ticket not forwarded', () => {
    expect(vendorClockOf(forwarded())?.policy).toBe(VENDOR_SUPPORT_POLICY);
    expect(vendorClockOf({ ...forwarded(), reviewState: 'awaiting-review' })).toBeNull();
  });

  it('speaks Spanish under a Spanish interface: what is left, and the due time with the day first', () => {
    const item = forwarded({ vendorCase: { caseNumber: '1234567', submittedAt: '2026-10-19T16:00:00.000Z' } });
    const vendor = showClocks(item, '2026-10-19T16:30:00.000Z', 'es');
    expect(screen.getByRole('group', { name: 'Relojes de SLA' })).toBeTruthy();
    expect(vendor.textContent).toContain('Proveedor');
    expect(vendor.textContent).toContain('Quedan 30m');
    expect(vendor.textContent).toContain('A tiempo · vence el ');
    const due = new Date('2026-10-19T17:00:00.000Z').toLocaleString('es-US');
    expect(due).toMatch(/^19\/10\/2026/);
    expect(vendor.textContent).toContain(due);
    expect(screen.getByTestId('sla-district').textContent).toMatch(/^DistritoVencido hace /);
  });
});
