import { DISTRICT_PREFIX } from './interpolate';
import type { SopDocument } from './schema';

/**
 * The run's district values, as `district.<name>` variables: what district IT wrote for each
 * note the pack declares, or, when it wrote nothing, a bracketed line that says what the desk
 * must confirm with its district. Never the example district's value: an analyst must not read
 * another district's staff names or numbers as their own.
 */
export function districtConstants(doc: SopDocument, notes: Readonly<Record<string, string>> = {}): Record<string, string> {
  const constants: Record<string, string> = {};
  for (const [name, note] of Object.entries(doc.district)) {
    const value = Object.hasOwn(notes, name) ? notes[name]?.trim() : undefined;
    constants[`${DISTRICT_PREFIX}${name}`] = value ? value : `[not set by your district: confirm ${note.label}]`;
  }
  return constants;
}

