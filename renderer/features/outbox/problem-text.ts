import type { Translate } from '../../i18n';
import type { MessageKey } from '../../i18n';

/** What the outbox stores when a kind's record is gone (`missing(what)` in renderer/outbox/kinds.ts). */
const MISSING: Record<string, MessageKey> = {
  'call log': 'outbox.problem.missing.callLog',
  decision: 'outbox.problem.missing.decision',
  escalation: 'outbox.problem.missing.escalation',
  'corrected escalation': 'outbox.problem.missing.correctedEscalation',
};

/**
 * The stored reason of an outbox entry (`lastError`) in the interface language. The outbox keeps
 * the English sentence it wrote (renderer/outbox/: sign-in pauses, a lost sync process, a missing
 * record, an unknown kind); each of those shapes is recognised here and said again in the
 * analyst's language, with the part main supplied kept as it came. Anything else is main's or
 * the ticketing system's own words, shown unchanged.
 */
export function outboxProblemText(t: Translate, stored: string): string {
  let m = /^The ticketing system refused Deskbook's account \((\d+)\): ([\s\S]*)\. Sign in again in Settings\.$/.exec(stored);
  if (m) return t('outbox.problem.refusedAccount', { status: m[1], detail: m[2] });
  m = /^Deskbook is not signed in to the ticketing system \((\d+)\): ([\s\S]*)\. Sign in again in Settings\.$/.exec(stored);
  if (m) return t('outbox.problem.notSignedIn', { status: m[1], detail: m[2] });
  m = /^Deskbook could not hear back from its own sync process \(([\s\S]*)\)\.$/.exec(stored);
  if (m) return t('outbox.problem.syncProcess', { detail: m[1] });
  m = /^The (.+) for this entry is missing from the local database\.$/.exec(stored);
  const missing = m && Object.hasOwn(MISSING, m[1]!) ? MISSING[m[1]!] : undefined;
  if (missing) return t(missing);
  m = /^This version of Deskbook cannot deliver entries of kind "(.*)"\.$/.exec(stored);
  if (m) return t('outbox.problem.unknownKind', { kind: m[1] });
  return stored;
}
