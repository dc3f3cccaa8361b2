import { IDENTITY_VARIABLE } from './schema';
import type { SopNode } from './schema';

/**
 * Ids a node can move to, in authoring order (choices in order; duplicates kept). Outcomes have
 * none. The single place that knows which kinds carry `next`, shared by engine and lint.
 */
export function successorsOf(node: SopNode): string[] {
  switch (node.kind) {
    case 'step':
    case 'input':
      return [node.next];
    case 'question':
      return node.choices.map((choice) => choice.next);
    case 'verify-identity':
      return [node.next, node.unverified];
    case 'outcome':
      return [];
  }
}

/**
 * One piece of text a node shows, with the field path lint reports (`choices[1].label`); a
 * translation's field names its language (`say (es)`) and `language` is set.
 */
export interface NodeText {
  field: string;
  text: string;
  language?: string;
}

/**
 * Every human-readable string on a node, where `{{var}}` may appear and where the security rule
 * looks for unsafe instructions. Kept exhaustive so a new text field cannot dodge lint.
 */
export function nodeTexts(node: SopNode): NodeText[] {
  const texts: NodeText[] = [];
  const add = (field: string, text: string | undefined) => {
    if (text !== undefined) texts.push({ field, text });
  };
  add('title', node.title);
  switch (node.kind) {
    case 'step':
      add('text', node.text);
      add('say', node.say);
      break;
    case 'question':
      add('prompt', node.prompt);
      add('say', node.say);
      node.choices.forEach((choice, i) => add(`choices[${i}].label`, choice.label));
      break;
    case 'verify-identity':
      add('prompt', node.prompt);
      add('say', node.say);
      break;
    case 'input':
      add('prompt', node.prompt);
      add('say', node.say);
      node.fields.forEach((field, i) => {
        add(`fields[${i}].label`, field.label);
        add(`fields[${i}].hint`, field.hint);
        if (field.type === 'text') add(`fields[${i}].patternHint`, field.patternHint);
      });
      break;
    case 'outcome': {
      add('text', node.text);
      add('say', node.say);
      const outcome = node.outcome;
      add('outcome.summary', outcome.summary);
      if (outcome.type === 'escalate') add('outcome.subject', outcome.subject);
      if (outcome.type === 'referred') {
        add('outcome.to', outcome.to);
        add('outcome.how', outcome.how);
      } else if (outcome.type === 'escalate') {
        add('outcome.assignee', outcome.assignee);
        add('outcome.queue', outcome.queue);
        add('outcome.sealedNote.prompt', outcome.sealedNote?.prompt);
      }
      break;
    }
  }
  add('notes', node.notes);
  node.links?.forEach((link, i) => add(`links[${i}].label`, link.label));
  // Every language is linted alike: a translation may not ask for a password either.
  for (const [language, fields] of Object.entries(node.translations ?? {})) {
    for (const [field, text] of Object.entries(fields)) texts.push({ field: `${field} (${language})`, text, language });
  }
  return texts;
}

/** Variables a node captures when it is answered: always (`must`) or possibly (`may`). */
export interface NodeCaptures {
  must: string[];
  may: string[];
}

/**
 * What answering a node puts into the run's variables: a question's `var` (the chosen label),
 * an input's fields (required ones always, optional ones only when filled in).
 */
export function capturesOf(node: SopNode): NodeCaptures {
  if (node.kind === 'question') {
    return node.var === undefined ? { must: [], may: [] } : { must: [node.var], may: [node.var] };
  }
  if (node.kind === 'verify-identity') return { must: [IDENTITY_VARIABLE], may: [IDENTITY_VARIABLE] };
  if (node.kind === 'input') {
    return {
      must: node.fields.filter((field) => field.required).map((field) => field.var),
      may: node.fields.map((field) => field.var),
    };
  }
  return { must: [], may: [] };
}

/**
 * A one-line name for a node: its `title`, else the first line of its text or prompt. Used for
 * "steps already tried" on a ticket and for lint messages.
 */
export function nodeLabel(node: SopNode): string {
  if (node.title !== undefined) return node.title;
  const body = node.kind === 'question' || node.kind === 'input' || node.kind === 'verify-identity' ? node.prompt : node.text;
  const firstLine = (body ?? node.id).split('\n')[0]?.trim() ?? node.id;
  return firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine;
}
