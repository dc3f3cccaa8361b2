import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Decision } from '../../../shared/review/schema';
import { PRIORITIES, VENDOR_PRIORITY_MATRIX } from '../../../shared/sla';
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

/**
 * Approve, return with a comment, or forward as a vendor case. Forwarding is offered only to
 * Authorized Contacts (main refuses it for anyone else too). The decision is queued and goes
 * out through the outbox, so it works offline and is applied once.
 */
export function DecisionForm({ row }: { row: ReviewRow }) {
  const settings = useAppStore((s) => s.settings);
  const authorized = settings?.user.authorizedContact ?? false;
  const escalation = row.item.escalation;
  const [queued, setQueued] = useState<string | null>(null);
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
    setQueued(
      decision.kind === 'forward' && vendorPhoneAdvice(decision.priority)
        ? `Queued. ${vendorPhoneAdvice(decision.priority)}`
        : 'Queued. It is applied on the ticket as soon as the ticketing system answers.',
    );
  };

  const fillCaseText = () => {
    if (!escalation) return;
    const values = getValues();
    setValue('caseText', vendorCaseText(escalation, values.replicationSteps, values.priority), { shouldValidate: true });
  };

  if (queued) {
    return (
      <p role="status" className="flash" data-testid="decision-queued">
        {queued}
      </p>
    );
  }

  return (
    <form className="decision" onSubmit={(e) => void handleSubmit(onValid)(e)} noValidate autoComplete="off" aria-labelledby="decision-heading">
      <h3 id="decision-heading">Decision</h3>
      <fieldset>
        <legend>What happens next</legend>
        <label>
          <input type="radio" value="approve" {...register('kind')} /> Approve
        </label>{' '}
        <label>
          <input type="radio" value="return" {...register('kind')} /> Return to the analyst
        </label>{' '}
        <label>
          <input type="radio" value="forward" {...register('kind')} disabled={!authorized} /> Forward as a vendor case
        </label>
        {!authorized && <p className="muted">Only the district&apos;s Authorized Contacts may open vendor cases.</p>}
      </fieldset>
      {kind === 'approve' && (
        <div className="field">
          <label htmlFor="decision-note">Note (optional)</label>
          <textarea id="decision-note" rows={2} {...register('note')} />
        </div>
      )}
      {kind === 'return' && (
        <TextAreaField id="decision-comment" label="Comment for the analyst (required)" rows={3} error={errors.comment?.message} {...register('comment')} />
      )}
      {kind === 'forward' && (
        <>
          <TextAreaField
            id="decision-replication"
            label="Replication steps (required)"
            rows={3}
            error={errors.replicationSteps?.message}
            {...register('replicationSteps')}
          />
          <div className="field">
            <label htmlFor="decision-priority">Vendor priority</label>
            <select id="decision-priority" {...register('priority')}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {VENDOR_PRIORITY_MATRIX[p].label} — {VENDOR_PRIORITY_MATRIX[p].response}: {VENDOR_PRIORITY_MATRIX[p].example}
                </option>
              ))}
            </select>
          </div>
          <TextAreaField
            id="decision-case"
            label="Case text for the vendor's portal"
            rows={8}
            error={errors.caseText?.message}
            {...register('caseText')}
          />
          <div>
            <div className="row">
              <button type="button" onClick={fillCaseText}>
                Generate case text
              </button>
            </div>
            {vendorPhoneAdvice(priority) && <p className="warning">{vendorPhoneAdvice(priority)}</p>}
          </div>
        </>
      )}
      <button type="submit" className="primary">
        {kind === 'approve' ? 'Approve' : kind === 'return' ? 'Return with comment' : 'Forward as vendor case'}
      </button>
    </form>
  );
}
