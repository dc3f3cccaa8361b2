import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Decision } from '../../../shared/review/schema';
import { useAppStore } from '../../state/store';
import { db } from '../../db/db';
import type { ReviewRow } from '../../db/db';
import { kickOutbox } from '../../outbox/runtime';
import { TextAreaField } from '../../ui/TextAreaField';
import { enqueueDecision, newDecisionRow } from './decisions';
import { localInputValue, vendorCaseFormSchema } from './vendor-case-form';
import type { VendorCaseFormValues } from './vendor-case-form';

/**
 * After forwarding: the Authorized Contact records the case number Infinite Campus gave and when
 * the case was submitted (now by default), which starts the vendor's clock. Queued through the
 * outbox like a decision, so it works offline and is written once; main refuses it from anyone
 * who is not an Authorized Contact, whatever this form shows.
 */
export function VendorCaseForm({ row }: { row: ReviewRow }) {
  const authorized = useAppStore((s) => s.settings?.user.authorizedContact ?? false);
  const [queued, setQueued] = useState<string | null>(null);
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
        No vendor case number yet: one of the district&apos;s Authorized Contacts records it here once the case is submitted.
      </p>
    );
  }

  const onValid = async (decision: Decision) => {
    // Recording the vendor's case number judges no version of the ticket: main checks that the
    // ticket is forwarded instead of comparing it with the one opened here.
    await enqueueDecision(db(), newDecisionRow(row, decision, null), Date.now());
    kickOutbox();
    setQueued('Queued. The case number is recorded on the ticket as soon as the ticketing system answers; the vendor clock runs from the submission time.');
  };

  if (queued) {
    return (
      <p role="status" className="flash" data-testid="decision-queued">
        {queued}
      </p>
    );
  }

  const field = (name: 'caseNumber' | 'submittedAt') => {
    const error = errors[name]?.message;
    return { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `vendor-${name}-error` : undefined };
  };

  return (
    <form className="decision" onSubmit={(e) => void handleSubmit(onValid)(e)} noValidate autoComplete="off" aria-labelledby="vendor-case-heading">
      <h3 id="vendor-case-heading">Vendor case</h3>
      <p className="muted">Submit the case in Infinite Campus&apos;s Support Case Portal first, then record its number here.</p>
      <div className="field">
        <label htmlFor="vendor-caseNumber">Vendor case number</label>
        <input id="vendor-caseNumber" inputMode="numeric" {...field('caseNumber')} {...register('caseNumber')} />
        {errors.caseNumber?.message && (
          <small id="vendor-caseNumber-error" className="error-text" role="alert">
            {errors.caseNumber.message}
          </small>
        )}
      </div>
      <div className="field">
        <label htmlFor="vendor-submittedAt">Case submitted at</label>
        <input id="vendor-submittedAt" type="datetime-local" {...field('submittedAt')} {...register('submittedAt')} />
        {errors.submittedAt?.message && (
          <small id="vendor-submittedAt-error" className="error-text" role="alert">
            {errors.submittedAt.message}
          </small>
        )}
      </div>
      <TextAreaField id="vendor-note" label="Note (optional)" rows={2} error={errors.note?.message} {...register('note')} />
      <button type="submit" className="primary">
        Record case number
      </button>
    </form>
  );
}
