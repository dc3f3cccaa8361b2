import type { MessageKey } from '../i18n';

/** `t` from renderer/i18n or `useT()`. */
type MessageFn = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * The reasons shared/fields gives (in English, after "<label>: "), each with its message. A
 * reason not listed here (a pack's own pattern hint, a new check) is shown as written.
 */
const FIELD_REASONS: readonly { pattern: RegExp; key: MessageKey; values?: (match: RegExpMatchArray) => Record<string, string | number> }[] = [
  { pattern: /^is required$/, key: 'app.field.reason.required' },
  { pattern: /^must be text$/, key: 'app.field.reason.text' },
  { pattern: /^must be a 10-digit US number$/, key: 'app.field.reason.phone' },
  { pattern: /^area code cannot start with 0 or 1$/, key: 'app.field.reason.areaCode' },
  { pattern: /^area code cannot be a service code like (\d+)$/, key: 'app.field.reason.serviceCode', values: (m) => ({ code: m[1] ?? '' }) },
  { pattern: /^must contain digits only$/, key: 'app.field.reason.digitsOnly' },
  { pattern: /^must be (\d+) digits$/, key: 'app.field.reason.digits', values: (m) => ({ count: Number(m[1]) }) },
  { pattern: /^must be (\d+) to (\d+) digits$/, key: 'app.field.reason.digitsBetween', values: (m) => ({ min: m[1] ?? '', max: m[2] ?? '' }) },
  { pattern: /^must be a date written YYYY-MM-DD$/, key: 'app.field.reason.dateFormat' },
  { pattern: /^must be a real calendar date$/, key: 'app.field.reason.realDate' },
  { pattern: /^must be on or after (\S+)$/, key: 'app.field.reason.onOrAfter', values: (m) => ({ date: m[1] ?? '' }) },
  { pattern: /^must be on or before (\S+)$/, key: 'app.field.reason.onOrBefore', values: (m) => ({ date: m[1] ?? '' }) },
  { pattern: /^must be at most (\d+) characters$/, key: 'app.field.reason.atMost', values: (m) => ({ count: Number(m[1]) }) },
  { pattern: /^must be at least (\d+) characters$/, key: 'app.field.reason.atLeast', values: (m) => ({ count: Number(m[1]) }) },
  { pattern: /^must be yes or no$/, key: 'app.field.reason.yesNo' },
  { pattern: /^is not in the expected format$/, key: 'app.field.reason.format' },
];

/**
 * A validation message ("<label>: <reason>") in the interface language: the reason matched
 * against shared/fields' English reasons and translated (English reads exactly as before),
 * anything unrecognised shown as it came. `label` is the one in the message; `shownLabel` names
 * the field as the form shows it (in the interface language).
 */
export function fieldErrorText(message: string, label: string, t: MessageFn, shownLabel: string = label): string {
  const prefix = `${label}: `;
  if (!message.startsWith(prefix)) return message;
  const reason = message.slice(prefix.length);
  for (const known of FIELD_REASONS) {
    const match = reason.match(known.pattern);
    if (match) return t('app.field.error', { label: shownLabel, reason: t(known.key, known.values?.(match)) });
  }
  return message;
}

