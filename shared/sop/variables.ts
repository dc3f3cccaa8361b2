/**
 * Variable names with one meaning across every SOP, so an escalation form can prefill its fields
 * from any run without per-SOP mapping. SOPs may capture other variables too (an issue
 * description, a vendor priority); these are the ones the ticket form knows by name.
 */
export const CANONICAL_VARIABLES = [
  'callerName',
  'callerRole',
  'studentName',
  'studentNumber',
  'school',
  'callbackPhone',
  'email',
  'parentUsername',
] as const;

/** One of {@link CANONICAL_VARIABLES}. */
export type CanonicalVariable = (typeof CANONICAL_VARIABLES)[number];
