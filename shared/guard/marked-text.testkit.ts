import type { SecretFinding, SecretKind } from './types';

/**
 * Test helper: "pw: ⟦hunter2⟧" → the text without brackets and the exact spans they marked, so
 * corpus rows state expected offsets readably. Not exported from the guard's index.
 */
export function parseMarked(marked: string, kind: SecretKind): { text: string; spans: SecretFinding[] } {
  let text = '';
  const spans: SecretFinding[] = [];
  let open = -1;
  for (const char of marked) {
    if (char === '\u27e6') open = text.length;
    else if (char === '\u27e7') spans.push({ start: open, end: text.length, kind });
    else text += char;
  }
  return { text, spans };
}
