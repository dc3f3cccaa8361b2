import type { z } from 'zod';

/** One schema problem, with a readable path such as `sops[0].nodes.ask-login.next`. */
export interface SchemaIssue {
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

/** `['sops', 0, 'nodes', 'ask-login']` → `sops[0].nodes.ask-login`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z0-9_-]+$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/**
 * Flattens zod issues into path + message pairs an author can act on. A union (nodes written as
 * a map or a list) reports the failures of the branch the author evidently meant, not "Invalid
 * input": branches that failed only because the value had the other branch's type are dropped.
 */
export function schemaIssues(error: z.ZodError): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const walk = (issue: Issue, prefix: readonly PropertyKey[]) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const meant = issue.errors.filter(
        (branch) => !branch.every((sub) => sub.code === 'invalid_type' && sub.path.length === 0),
      );
      if (meant.length > 0) {
        for (const branch of meant) for (const sub of branch) walk(sub, path);
        return;
      }
    }
    out.push({ path: formatIssuePath(path), message: issue.message });
  };
  for (const issue of error.issues) walk(issue, []);
  return out;
}
