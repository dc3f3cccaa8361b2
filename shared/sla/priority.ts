import { z } from 'zod';

/**
 * Ticket priorities, most urgent first. The vendor (Infinite Campus support) uses these four, and
 * district tickets reuse them so one escalation can be forwarded as a vendor case unchanged.
 */
export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;

/** Validates a stored or submitted priority; the closed set above is the only accepted value. */
export const prioritySchema = z.enum(PRIORITIES, { error: 'Priority: choose critical, high, medium or low' });
/** One of `PRIORITIES`. */
export type Priority = z.infer<typeof prioritySchema>;

/** One row of the vendor's response-time table, as the seed document words it. */
export interface PriorityMatrixRow {
  /** Display name, as the vendor capitalises it. */
  readonly label: string;
  /** The vendor's target, e.g. "Within 1 business hour" (computed by `VENDOR_SUPPORT_POLICY`). */
  readonly response: string;
  /** The vendor's example of a case at this priority, verbatim (punctuation included). */
  readonly example: string;
}

/**
 * The vendor's priority matrix ("Working With Support", Response Times), verbatim, so analysts
 * pick a priority by the vendor's own examples. Text only: due times come from the SLA policy.
 */
export const VENDOR_PRIORITY_MATRIX = {
  critical: {
    label: 'Critical',
    response: 'Within 1 business hour',
    example: 'System-wide outage or major functionality failure affecting all users.',
  },
  high: {
    label: 'High',
    response: 'Within 4 business hours',
    example: 'High-impact or time-sensitive issue affecting many users',
  },
  medium: {
    label: 'Medium',
    response: 'Within 1 business day',
    example: 'Functionality is affected but usable, affecting a limited number of users',
  },
  low: {
    label: 'Low',
    response: 'Within 2 business days',
    example: 'General questions or advice',
  },
} as const satisfies Record<Priority, PriorityMatrixRow>;
