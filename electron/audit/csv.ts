/** Cells a spreadsheet would run as a formula: prefixed with `'` so they are shown as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, a double quote, CR or LF, with inner
 * quotes doubled. A leading `= + - @`, tab or CR gets a `'` first (OWASP's CSV-injection advice):
 * the export is opened in spreadsheets, and a supervisor's comment must not run as a formula.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF (RFC 4180), ending with one. */
export function toCsvText(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
