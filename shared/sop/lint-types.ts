import type { UnsafeRule } from './security';

/** Every rule lint can report. Errors block a pack; warnings are shown but do not. */
export type LintRule =
  | 'duplicate-sop-id'
  | 'duplicate-node-id'
  | 'duplicate-choice-id'
  | 'duplicate-field-var'
  | 'missing-start'
  | 'dead-end'
  | 'unreachable-node'
  | 'cycle-without-exit'
  | 'no-outcome-reachable'
  | 'undefined-variable'
  | 'maybe-undefined-variable'
  | 'link-not-https'
  | 'link-host-not-allowed'
  | 'unknown-ticket-field'
  | 'ticket-choice-value'
  | 'unknown-subject-variable'
  | 'subject-student-data'
  | 'undefined-district-note'
  | 'identity-not-verified'
  | 'caller-script-missing-language'
  | 'translation-without-original'
  | 'translation-variables-differ'
  | UnsafeRule;

/** One problem in an SOP, located as precisely as lint can (`field` like `choices[1].next`). */
export interface LintFinding {
  severity: 'error' | 'warning';
  rule: LintRule;
  /** Set by `lintPack`: the pack the SOP is in. */
  packId?: string;
  sopId: string;
  nodeId?: string;
  field?: string;
  message: string;
}

/** Lint settings; a district's policy supplies its own link hosts. */
export interface LintOptions {
  /** Hosts links may point to: exact names, or `*.example.org` for any subdomain. */
  allowedLinkHosts?: readonly string[];
}
