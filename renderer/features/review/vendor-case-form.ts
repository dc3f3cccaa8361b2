import { z } from 'zod';
import { decisionSchema, vendorCaseTimeRefusal } from '../../../shared/review/schema';
import type { DecisionInput } from '../../../shared/review/schema';

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` input's value for `date` in this computer's time zone, to the minute (rounded down). */
export function localInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The vendor case form's values (case number, local submission time, optional note) piped into
 * the real decision schema, so errors come back on the field names the form shows. `now` is the
 * renderer's clock, for the instant "in the future" message; main checks again with its own.
 */
export function vendorCaseFormSchema(now: () => Date) {
  return z
    .object({
      caseNumber: z.string(),
      submittedAt: z.string(),
      note: z.string(),
    })
    .transform((v, ctx): DecisionInput => {
      // A datetime-local value has no offset: the Date constructor reads it as local time.
      const ms = v.submittedAt === '' ? Number.NaN : new Date(v.submittedAt).getTime();
      const submittedAt = Number.isNaN(ms) ? v.submittedAt : new Date(ms).toISOString();
      const refused = Number.isNaN(ms) ? null : vendorCaseTimeRefusal(submittedAt, now());
      if (refused) ctx.addIssue({ code: 'custom', path: ['submittedAt'], message: refused });
      return { kind: 'vendor-case', caseNumber: v.caseNumber, submittedAt, note: v.note.trim() === '' ? undefined : v.note };
    })
    .pipe(decisionSchema);
}

export type VendorCaseFormValues = z.input<ReturnType<typeof vendorCaseFormSchema>>;
