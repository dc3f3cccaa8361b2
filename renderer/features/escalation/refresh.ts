import type { EscalationDraftInput } from '../../../shared/escalation/schema';
import { STEP_NOTES_HEADING } from './prefill';

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** The step-note lines of a description made by the run (`- Step: note`, under the heading). */
function stepNoteLines(description: string): string[] {
  const at = description.indexOf(STEP_NOTES_HEADING);
  if (at < 0) return [];
  return description
    .slice(at + STEP_NOTES_HEADING.length)
    .split('\n')
    .filter((line) => line.startsWith('- '));
}

/**
 * A draft reopened from its run after the call went on (escalated from a step, back to the
 * call, more answers, escalate again): what the run captured since fills the fields the analyst
 * left blank, the path follows the run, new steps tried and new step notes are added, and nothing
 * the analyst typed or edited in the draft is replaced. Pure; sealing new sensitive values is the
 * caller's (it needs main).
 */
export function withNewRunFacts(current: EscalationDraftInput, fresh: EscalationDraftInput): EscalationDraftInput {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(fresh) as [keyof EscalationDraftInput, unknown][]) {
    if (key === 'sop' || key === 'stepsTried' || key === 'description' || key === 'sealedNotes') continue;
    if (isBlank(current[key]) && !isBlank(value)) merged[key] = value;
  }
  merged.sop = fresh.sop ?? current.sop;
  merged.stepsTried = [...current.stepsTried, ...fresh.stepsTried.filter((step) => !current.stepsTried.includes(step))];
  if (isBlank(current.description)) merged.description = fresh.description;
  else {
    const added = stepNoteLines(fresh.description).filter((line) => !current.description.includes(line));
    if (added.length > 0) {
      const joiner = current.description.includes(STEP_NOTES_HEADING) ? '\n' : `\n\n${STEP_NOTES_HEADING}\n`;
      merged.description = `${current.description}${joiner}${added.join('\n')}`;
    }
  }
  return merged as EscalationDraftInput;
}
