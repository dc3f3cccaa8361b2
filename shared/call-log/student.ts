import { STUDENT_VARIABLES } from '../sop/ticket';
import type { SopDocument } from '../sop/schema';
import { STUDENT_PLACEHOLDER } from './schema';
import type { CallLogStudent } from './schema';

const NAME_FIELD = 'studentName';
const NUMBER_FIELD = 'studentNumber';

/**
 * The variables of an SOP that name a student: the canonical studentName and studentNumber,
 * any field or question mapped to one of them (`ticket:`), and every student-number field.
 */
export function studentVariables(doc: SopDocument): { name: Set<string>; number: Set<string> } {
  const name = new Set<string>([...STUDENT_VARIABLES].filter((v) => v !== NUMBER_FIELD));
  const number = new Set<string>([NUMBER_FIELD]);
  for (const node of doc.nodes) {
    if (node.kind === 'input') {
      for (const field of node.fields) {
        if (field.type === 'student-number' || field.ticket === NUMBER_FIELD) number.add(field.var);
        else if (field.ticket === NAME_FIELD) name.add(field.var);
      }
    } else if (node.kind === 'question' && node.var !== undefined) {
      if (node.ticket === NAME_FIELD) name.add(node.var);
      else if (node.ticket === NUMBER_FIELD) number.add(node.var);
    }
  }
  return { name, number };
}

/** The student a run's variables name, if any (the first captured value of each kind). */
export function studentOf(doc: SopDocument, vars: Readonly<Record<string, string>>): CallLogStudent | undefined {
  const { name, number } = studentVariables(doc);
  const first = (names: Set<string>) => [...names].map((n) => (Object.hasOwn(vars, n) ? vars[n]?.trim() : undefined)).find((v) => !!v);
  const student = { name: first(name), number: first(number) };
  if (student.name === undefined && student.number === undefined) return undefined;
  return { ...(student.name ? { name: student.name } : {}), ...(student.number ? { number: student.number } : {}) };
}

/** The run's variables with every student variable reading `(student)`, for texts that may not name them. */
export function maskStudentVariables(doc: SopDocument, vars: Readonly<Record<string, string>>): Record<string, string> {
  const { name, number } = studentVariables(doc);
  const masked: Record<string, string> = { ...vars };
  for (const key of [...name, ...number]) if (Object.hasOwn(masked, key)) masked[key] = STUDENT_PLACEHOLDER;
  return masked;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every mention of the student in `text` with `(student)`: the whole name or number,
 * and each part of the name of three letters or more ("Maria" of "Maria Lopez"), as whole words
 * in any case. For texts another variable filled in (a description that names the child).
 */
export function scrubStudent(text: string, student: CallLogStudent | undefined): string {
  if (!student) return text;
  const words = new Set<string>();
  for (const value of [student.name, student.number]) {
    const v = value?.trim();
    if (!v) continue;
    words.add(v);
    for (const part of v.split(/[\s,.'’-]+/u)) if (part.length >= 3) words.add(part);
  }
  if (words.size === 0) return text;
  // Longest first, so "Maria Lopez" is replaced whole before "Maria" is looked for.
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu'), STUDENT_PLACEHOLDER);
}
