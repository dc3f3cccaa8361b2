/** A registry value as `reg.exe query` prints it, with its data already typed. */
export interface RegValue {
  name: string;
  type: string;
  /** REG_SZ/REG_EXPAND_SZ: string; REG_DWORD/REG_QWORD: number; REG_MULTI_SZ: string[]; other types: the raw text. */
  data: string | number | string[];
}

/** One key and the values directly under it. */
export interface RegKey {
  /** As printed, e.g. `HKEY_LOCAL_MACHINE\Software\Policies\Deskbook\Recommended`. */
  path: string;
  values: RegValue[];
}

// reg.exe separates columns with exactly four spaces: `    <name>    <TYPE>    <data>`.
const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;

function typed(type: string, text: string): string | number | string[] {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return text;
    case 'REG_DWORD':
    case 'REG_QWORD': {
      const n = /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text.slice(2), 16) : Number.NaN;
      return Number.isSafeInteger(n) ? n : text;
    }
    case 'REG_MULTI_SZ':
      // reg.exe prints the NUL separators as the two characters `\0`.
      return text === '' ? [] : text.split('\\0').filter((item, i, all) => !(item === '' && i === all.length - 1));
    default:
      return text;
  }
}

/**
 * Parses the text `reg.exe query <key> /s` prints: key paths at the start of a line, values
 * indented by four spaces. Unrecognised lines (blank lines, "End of search") are skipped, so
 * a different Windows build's extra output cannot break it. The `(Default)` value, whose name
 * Windows localises, is dropped: Deskbook policies always have names.
 */
export function parseRegQuery(text: string): RegKey[] {
  const keys: RegKey[] = [];
  let current: RegKey | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^HKEY_[A-Z_]+(?:\\|$)/.test(line)) {
      current = { path: line.trimEnd(), values: [] };
      keys.push(current);
      continue;
    }
    const match = VALUE_LINE.exec(line);
    if (!match || !current) continue;
    const [, name = '', type = '', data = ''] = match;
    if (/^\(.*\)$/.test(name)) continue;
    current.values.push({ name, type, data: typed(type, data) });
  }
  return keys;
}
