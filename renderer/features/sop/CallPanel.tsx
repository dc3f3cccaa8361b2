import { Fragment } from 'react';
import type { IdentityMethod } from '../../../shared/escalation/schema';
import { dueAt, vendorPolicyFor } from '../../../shared/sla';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import type { Priority } from '../../../shared/sla';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useAppStore } from '../../state/store';
import type { RunRow } from '../../db/db';
import { useNow } from '../../ui/useNow';
import { callFacts, clockDuration } from './call-facts';

const IDENTITY_TEXT: Record<IdentityMethod, MessageKey> = {
  'callback-on-file': 'escalation.identity.callbackOnFile',
  'district-facts': 'escalation.identity.districtFacts',
  'photo-id-in-person': 'escalation.identity.photoIdInPerson',
  'not-verified': 'escalation.identity.notVerified',
};

const PRIORITY_LABEL: Record<Priority, MessageKey> = {
  critical: 'escalation.priority.critical.label',
  high: 'escalation.priority.high.label',
  medium: 'escalation.priority.medium.label',
  low: 'escalation.priority.low.label',
};

/** As the draft's priority picker writes a due time: "Tue, Mar 3, 2026, 10:00 AM". */
const DUE_FORMAT = { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric' } as const;

/**
 * The live call panel: who is calling and about whom, how identity was checked, every fact
 * captured so far, how long the call has run, and the ticket an escalation would send now (its
 * subject, priority and due time on the applicable calendar, sealed notes masked). Nothing typed
 * on the call is ever more than a glance away.
 */
export function CallPanel({ run }: { run: RunRow }) {
  const t = useT();
  const settings = useAppStore((s) => s.settings);
  const now = useNow(1000);
  const facts = callFacts(run.doc, run.state);
  const { priority, kind, subject } = facts.ticket;
  const policy = kind === 'vendor-case' ? vendorPolicyFor({ hostedOutage: false }) : (settings?.districtSla ?? DEFAULT_DISTRICT_POLICY);
  const due = t.intl.formatDate(dueAt(policy, priority, new Date(now)), DUE_FORMAT);
  const end = run.state.finishedAt ?? now;
  const missing = <span className="muted">{t('sop.call.notYet')}</span>;
  const value = (text: string | undefined) => (text ? <span className="call-value">{text}</span> : missing);
  const student = [facts.studentName, facts.studentNumber].filter(Boolean).join(' · ');

  return (
    <aside className="call-panel card" aria-labelledby="call-panel-heading" data-testid="call-panel">
      <h2 id="call-panel-heading">{t('sop.call.heading')}</h2>
      <p className="call-duration">
        {t('sop.call.duration')}{' '}
        <time dateTime={`PT${Math.max(0, Math.floor((end - run.startedAt) / 1000))}S`} data-testid="call-duration">
          {clockDuration(end - run.startedAt)}
        </time>
      </p>
      <dl className="call-facts">
        <dt>{t('sop.call.caller')}</dt>
        <dd>{value(facts.callerName)}</dd>
        <dt>{t('sop.call.student')}</dt>
        <dd>{value(student)}</dd>
        <dt>{t('sop.call.school')}</dt>
        <dd>{value(facts.school)}</dd>
        <dt>{t('sop.call.callback')}</dt>
        <dd>{value(facts.callbackPhone)}</dd>
        <dt>{t('sop.call.identity')}</dt>
        <dd className={facts.identity && facts.identity !== 'not-verified' ? undefined : 'warning'} data-testid="call-identity">
          {facts.identity ? t(IDENTITY_TEXT[facts.identity]) : t('sop.call.identityUnchecked')}
        </dd>
        {facts.replicationSteps && (
          <>
            <dt>{t('escalation.field.replicationSteps')}</dt>
            <dd className="pre">{facts.replicationSteps}</dd>
          </>
        )}
        {facts.usersAffected && (
          <>
            <dt>{t('escalation.field.usersAffected')}</dt>
            <dd>{facts.usersAffected}</dd>
          </>
        )}
        {facts.facts.map((fact, i) => (
          <Fragment key={`${fact.label}-${i}`}>
            <dt>{fact.label}</dt>
            <dd className="pre">{fact.value}</dd>
          </Fragment>
        ))}
      </dl>
      <section aria-labelledby="call-ticket-heading" className="call-ticket">
        <h3 id="call-ticket-heading">{t('sop.call.ticket.heading')}</h3>
        <dl className="call-facts">
          <dt>{t('escalation.field.subject')}</dt>
          <dd data-testid="call-subject">{subject || missing}</dd>
          <dt>{t('escalation.field.priority')}</dt>
          <dd data-testid="call-priority">
            {t('sop.call.ticket.priority', { priority: t(PRIORITY_LABEL[priority]), due })}
          </dd>
          <dt>{t('escalation.field.sealedNotes')}</dt>
          <dd>
            {facts.sealed.length === 0 ? (
              <span className="muted">{t('sop.call.ticket.noSealed')}</span>
            ) : (
              <ul className="chips" aria-label={t('escalation.field.sealedNotes')}>
                {facts.sealed.map((label, i) => (
                  <li key={`${label}-${i}`} className="chip sealed-chip">
                    {t('sop.call.ticket.sealed', { label })} <span aria-hidden="true">••••••</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>
    </aside>
  );
}
