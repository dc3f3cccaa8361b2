/**
 * A structural pass over ICS text before ical.js sees it. ical.js accepts mismatched BEGIN/END and
 * its errors carry no line numbers, so this pass checks nesting itself and remembers where each
 * VEVENT and its properties start, letting import errors say "line 14: DTEND …".
 */

/** Where one VEVENT's lines are: its BEGIN line and the first line of each property by name. */
export interface IcsEventLines {
  readonly begin: number;
  readonly props: ReadonlyMap<string, number>;
}

interface LogicalLine {
  readonly text: string;
  /** 1-based physical line on which this (possibly folded) content line starts. */
  readonly line: number;
}

/** An ICS import failure; the message names the line and field where the file is wrong. */
export function icsError(line: number | undefined, message: string): Error {
  return new Error(line === undefined ? `ICS import: ${message}` : `ICS import, line ${line}: ${message}`);
}

/** Unfolds RFC 5545 content lines (a leading space or tab continues the previous line). */
export function logicalLines(text: string): LogicalLine[] {
  const out: Array<{ text: string; line: number }> = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const last = out[out.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else if (raw.trim() !== '') out.push({ text: raw, line: i + 1 });
  });
  return out;
}

/**
 * Checks that the text is one VCALENDAR with properly nested components and returns the line map
 * of its VEVENTs in document order (the order ical.js lists them). Throws an `icsError` naming the
 * first offending line.
 */
export function scanIcs(text: string): IcsEventLines[] {
  const lines = logicalLines(text);
  const first = lines[0];
  if (!first) throw icsError(undefined, 'the file is empty');
  if (first.text.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    throw icsError(first.line, `expected BEGIN:VCALENDAR, found "${first.text.slice(0, 60)}"`);
  }
  const stack: Array<{ name: string; line: number }> = [];
  const events: Array<{ begin: number; props: Map<string, number> }> = [];
  let closed = false;
  for (const { text: content, line } of lines) {
    if (closed) throw icsError(line, 'content after END:VCALENDAR (one calendar per file)');
    const colon = content.indexOf(':');
    if (colon <= 0) throw icsError(line, `"${content.slice(0, 60)}" is not a NAME:value line`);
    const name = content.slice(0, content.search(/[;:]/)).toUpperCase();
    const value = content.slice(colon + 1).trim().toUpperCase();
    if (name === 'BEGIN') {
      stack.push({ name: value, line });
      if (value === 'VEVENT' && stack.length === 2) events.push({ begin: line, props: new Map() });
    } else if (name === 'END') {
      const open = stack.pop();
      if (!open) throw icsError(line, `END:${value} without a matching BEGIN`);
      if (open.name !== value) throw icsError(line, `END:${value} does not close BEGIN:${open.name} from line ${open.line}`);
      closed = stack.length === 0;
    } else {
      const top = stack[stack.length - 1];
      const event = events[events.length - 1];
      if (top?.name === 'VEVENT' && stack.length === 2 && event && !event.props.has(name)) event.props.set(name, line);
    }
  }
  const open = stack[stack.length - 1];
  if (open) throw icsError(open.line, `BEGIN:${open.name} is never closed (END:${open.name} missing)`);
  return events;
}

/**
 * Best-effort line for an ical.js parser message, which quotes the offending content line but
 * gives no number: the first content line the message quotes.
 */
export function lineQuotedIn(text: string, message: string): number | undefined {
  return logicalLines(text).find((l) => l.text.length > 0 && message.includes(l.text))?.line;
}
