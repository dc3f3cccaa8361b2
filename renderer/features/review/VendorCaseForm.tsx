import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Decision } from '../../../shared/review/schema';
import { useAppStore } from '../../state/store';
import { db } from '../../db/db';
import type { ReviewRow } from '../../db/db';
import { kickOutbox } from '../../outbox/runtime';
import { TextAreaField } from '../../ui/TextAreaField';
import { useT } from '../../i18n';
import { enqueueDecision, newDecisionRow } from './decisions';
import { localInputValue, vendorCaseFormSchema } from './vendor-case-form';
import type { VendorCaseFormValues } from './vendor-case-form';
import { fieldErrorText } from './field-errors';

/**
 * After forwarding: the Authorized Contact records the case number Infinite Campus gave and when
 * the case was submitted (now by default), which starts the vendor's clock. Queued through the
 * outbox like a decision, so it works offline and is written once; main refuses it from anyone
 * who is not an Authorized Contact, whatever this form shows.
 */
export function VendorCaseForm({ row }: { row: ReviewRow }) {
  const t = useT();
  const authorized = useAppStore((s) => s.settings?.user.authorizedContact ?? false);
  const [queued, setQueued] = useState(false);
  const schema = useMemo(() => vendorCaseFormSchema(() => new Date()), []);
  const { register, handleSubmit, formState } = useForm<VendorCaseFormValues, unknown, Decision>({
    resolver: zodResolver(schema),
    defaultValues: { caseNumber: '', submittedAt: localInputValue(new Date()), note: '' },
    mode: 'onTouched',
  });
  const { errors } = formState;

  if (!authorized) {
    return (
      <p className="muted" data-testid="vendor-case-missing">
        {t('review.vendorCase.missing')}
      </p>
    );
  }

  const onValid = async (decision: Decision) => {
    // Recording the vendor's case number judges no version of the ticket: main checks that the
    // ticket is forwarded instead of comparing it with the one opened here.
    await enqueueDecision(db(), newDecisionRow(row, decision, null), Date.now());
    kickOutbox();
    setQueued(true);
  };

  if (queued) {
    return (
      <p role="status" className="flash" data-testid="decision-queued">
        {t('review.vendorCase.queued')}
      </p>
    );
  }

  const field = (name: 'caseNumber' | 'submittedAt') => {
    const error = errors[name]?.message;
    return { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `vendor-${name}-error` : undefined };
  };
  const caseNumberError = fieldErrorText(t, 'caseNumber', errors.caseNumber);
  const submittedAtError = fieldErrorText(t, 'submittedAt', errors.submittedAt);

  return (
    <form className="decision" onSubmit={(e) => void handleSubmit(onValid)(e)} noValidate autoComplete="off" aria-labelledby="vendor-case-heading">
      <h3 id="vendor-case-heading">{t('review.vendorCase.heading')}</h3>
      <p className="muted">{t('review.vendorCase.intro')}</p>
      <div className="field">
        <label htmlFor="vendor-caseNumber">{t('review.vendorCase.caseNumber')}</label>
        <input id="vendor-caseNumber" inputMode="numeric" {...field('caseNumber')} {...register('caseNumber')} />
        {caseNumberError && (
          <small id="vendor-caseNumber-error" className="error-text" role="alert">
            {caseNumberError}
          </small>
        )}
      </div>
      <div className="field">
        <label htmlFor="vendor-submittedAt">{t('review.vendorCase.submittedAt')}</label>
        <input id="vendor-submittedAt" type="datetime-local" {...field('submittedAt')} {...register('submittedAt')} />
        {submittedAtError && (
          <small id="vendor-submittedAt-error" className="error-text" role="alert">
            {submittedAtError}
          </small>
        )}
      </div>
      <TextAreaField id="vendor-note" label={t('review.vendorCase.note')} rows={2} error={fieldErrorText(t, 'note', errors.note)} {...register('note')} />
      <button type="submit" className="primary">
        {t('review.vendorCase.submit')}
      </button>
    </form>
  );
}
