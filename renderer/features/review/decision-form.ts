import { z } from 'zod';
import { decisionSchema } from '../../../shared/review/schema';
import type { DecisionInput } from '../../../shared/review/schema';
import { prioritySchema } from '../../../shared/sla';

/**
 * The decision form's flat values (every field always present, so react-hook-form can keep
 * them while the supervisor switches between approve, return and forward), piped into the
 * real decision schema: errors come back on the flat field names.
 */
export const decisionFormSchema = z
  .object({
    kind: z.enum(['approve', 'return', 'forward']),
    note: z.string(),
    comment: z.string(),
    replicationSteps: z.string(),
    priority: prioritySchema,
    caseText: z.string(),
  })
  .transform(
    (v): DecisionInput =>
      v.kind === 'approve'
        ? { kind: 'approve', note: v.note }
        : v.kind === 'return'
          ? { kind: 'return', comment: v.comment }
          : { kind: 'forward', replicationSteps: v.replicationSteps, priority: v.priority, caseText: v.caseText },
  )
  .pipe(decisionSchema);

export type DecisionFormValues = z.input<typeof decisionFormSchema>;
