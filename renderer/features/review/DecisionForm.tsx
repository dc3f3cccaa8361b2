import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Decision } from '../../../shared/review/schema';
import { PRIORITIES } from '../../../shared/sla';
import type { Priority } from '../../../shared/sla';
import { useT } from '../../i18n';
import { useAppStore } from '../../state/store';
import { db } from '../../db/db';
import type { ReviewRow } from '../../db/db';
import { kickOutbox } from '../../outbox/runtime';
import { TextAreaField } from '../../ui/TextAreaField';
import { vendorCaseText } from './case-text';
import { enqueueDecision, newDecisionRow } from './decisions';
import { vendorPhoneAdvice } from '../../../shared/review/vendor-phone';
import { decisionFormSchema } from './decision-form';
import type { DecisionFormValues } from './decision-form';
import { fieldErrorText } from './field-errors';
import { PRIORITY_EXAMPLE, PRIORITY_LABEL, PRIORITY_RESPONSE } from './words';

/**
 * Whether to tell the Authorized Contact to call Campus Support after forwarding: the rule is
 * `vendorPhoneAdvice` (shared/review/vendor-phone.ts); its words here are the interface's.
 */
const callsVendor = (priority: Priority) => vendorPhoneAdvice(priority) !== null;

/**
 * Approve, return with a comment, or forward as a vendor case. Forwarding is offered only to
 * Authorized Contacts (main refuses it for anyone else too). The decision is queued and goes
 * out through the outbox, so it works offline and is applied once.
 */
export function DecisionForm({ row }: { row: ReviewRow }) {
  const t = useT();
  const settings = useAppStore((s) => s.settings);
  const authorized = settings?.user.authorizedContact ?? false;
  const escalation = row.item.escalation;
  const [queued, setQueued] = useState<'applied' | 'call' | null>(null);
  const form = useForm<DecisionFormValues, unknown, Decision>({
    resolver: zodResolver(decisionFormSchema),
    defaultValues: {
      kind: 'approve',
      note: '',
      comment: '',
      replicationSteps: escalation?.draft.replicationSteps ?? '',
      priority: escalation?.draft.priority ?? 'medium',
      caseText: '',
    },
    mode: 'onTouched',
  });
  const { register, handleSubmit, formState, setValue, control, getValues } = form;
  const kind = useWatch({ control, name: 'kind' });
  const priority = useWatch({ control, name: 'priority' });
  const { errors } = formState;

  const onValid = async (decision: Decision) => {
    await enqueueDecision(db(), newDecisionRow(row, decision, row.item.etag), Date.now());
    kickOutbox();
    setQueued(decision.kind === 'forward' && callsVendor(decision.priority) ? 'call' : 'applied');
  };

  const fillCaseText = () => {
    if (!escalation) return;
    const values = getValues();
    setValue('caseText', vendorCaseText(escalation, values.replicationSteps, values.priority), { shouldValidate: true });
  };

  if (queued) {
    return (
      <p role="status" className="flash" data-testid="decision-queued">
        {queued === 'call' ? t('review.decision.queuedCall', { advice: t('review.decision.phoneAdvice') }) : t('review.decision.queued')}
      </p>
    );
  }

  return (
    <form className="decision" onSubmit={(e) => void handleSubmit(onValid)(e)} noValidate autoComplete="off" aria-labelledby="decision-heading">
      <h3 id="decision-heading">{t('review.decision.heading')}</h3>
      <fieldset>
        <legend>{t('review.decision.legend')}</legend>
        <label>
          <input type="radio" value="approve" {...register('kind')} /> {t('review.decision.approve')}
        </label>{' '}
        <label>
          <input type="radio" value="return" {...register('kind')} /> {t('review.decision.return')}
        </label>{' '}
        <label>
          <input type="radio" value="forward" {...register('kind')} disabled={!authorized} /> {t('review.decision.forward')}
        </label>
        {!authorized && <p className="muted">{t('review.decision.forwardNotAllowed')}</p>}
      </fieldset>
      {kind === 'approve' && (
        <div className="field">
          <label htmlFor="decision-note">{t('review.decision.note')}</label>
          <textarea id="decision-note" rows={2} {...register('note')} />
        </div>
      )}
      {kind === 'return' && (
        <TextAreaField
          id="decision-comment"
          label={t('review.decision.comment')}
          rows={3}
          error={fieldErrorText(t, 'comment', errors.comment)}
          {...register('comment')}
        />
      )}
      {kind === 'forward' && (
        <>
          <TextAreaField
            id="decision-replication"
            label={t('review.decision.replicationSteps')}
            rows={3}
            error={fieldErrorText(t, 'replicationSteps', errors.replicationSteps)}
            {...register('replicationSteps')}
          />
          <div className="field">
            <label htmlFor="decision-priority">{t('review.decision.priority')}</label>
            <select id="decision-priority" {...register('priority')}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t('review.decision.priorityOption', { label: t(PRIORITY_LABEL[p]), response: t(PRIORITY_RESPONSE[p]), example: t(PRIORITY_EXAMPLE[p]) })}
                </option>
              ))}
            </select>
          </div>
          <TextAreaField
            id="decision-case"
            label={t('review.decision.caseText')}
            rows={8}
            error={fieldErrorText(t, 'caseText', errors.caseText)}
            {...register('caseText')}
          />
          <div>
            <div className="row">
              <button type="button" onClick={fillCaseText}>
                {t('review.decision.generate')}
              </button>
            </div>
            {callsVendor(priority) && <p className="warning">{t('review.decision.phoneAdvice')}</p>}
          </div>
        </>
      )}
      <button type="submit" className="primary">
        {kind === 'approve' ? t('review.decision.submit.approve') : kind === 'return' ? t('review.decision.submit.return') : t('review.decision.submit.forward')}
      </button>
    </form>
  );
}
