/**
 * `{{ name }}` with optional inner spaces; names follow the schema's identifier rule, and
 * `{{district.name}}` names one of the pack's district notes.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)?)\s*\}\}/g;

/** The prefix of a district note's variable: `{{district.tier2Contact}}`. */
export const DISTRICT_PREFIX = 'district.';

/**
 * Replaces `{{var}}` with captured values. A variable that has not been captured is left as
 * written, so an analyst sees `{{studentName}}` rather than a sentence with a silent hole; lint
 * makes that unlikely in shipped SOPs. Only own properties count, so names like `constructor`
 * cannot reach `Object.prototype`.
 */
export function interpolate(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(vars, name) ? (vars[name] ?? whole) : whole,
  );
}

/** The variable names a text refers to, in order of first use; lint checks each is captured. */
export function referencedVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match[1] !== undefined) names.add(match[1]);
  }
  return [...names];
}
