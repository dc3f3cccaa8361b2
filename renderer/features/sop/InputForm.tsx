import { useState } from 'react';
import type { FormEvent } from 'react';
import { fieldValidator } from '../../../shared/fields';
import type { InputField, InputNode, SopDocument } from '../../../shared/sop/schema';
import { useT } from '../../i18n';
import type { MessageKey, Translate } from '../../i18n';
import { analystText, optionalAnalystText, useUiLanguage } from './language';
import type { Shown } from './language';

/**
 * The reasons shared/fields gives (in English, after "<label>: "), each with its message. A
 * reason not listed here (a pack's own pattern hint, a new check) is shown as written.
 */
const FIELD_REASONS: readonly { pattern: RegExp; key: MessageKey; values?: (match: RegExpMatchArray) => Record<string, string | number> }[] = [
  { pattern: /^is required$/, key: 'sop.input.reason.required' },
  { pattern: /^must be text$/, key: 'sop.input.reason.text' },
  { pattern: /^must be a 10-digit US number$/, key: 'sop.input.reason.phone' },
  { pattern: /^area code cannot start with 0 or 1$/, key: 'sop.input.reason.areaCode' },
  { pattern: /^area code cannot be a service code like (\d+)$/, key: 'sop.input.reason.serviceCode', values: (m) => ({ code: m[1] ?? '' }) },
  { pattern: /^must contain digits only$/, key: 'sop.input.reason.digitsOnly' },
  { pattern: /^must be (\d+) digits$/, key: 'sop.input.reason.digits', values: (m) => ({ count: Number(m[1]) }) },
  { pattern: /^must be (\d+) to (\d+) digits$/, key: 'sop.input.reason.digitsBetween', values: (m) => ({ min: m[1] ?? '', max: m[2] ?? '' }) },
  { pattern: /^must be a date written YYYY-MM-DD$/, key: 'sop.input.reason.dateFormat' },
  { pattern: /^must be a real calendar date$/, key: 'sop.input.reason.realDate' },
  { pattern: /^must be on or after (\S+)$/, key: 'sop.input.reason.onOrAfter', values: (m) => ({ date: m[1] ?? '' }) },
  { pattern: /^must be on or before (\S+)$/, key: 'sop.input.reason.onOrBefore', values: (m) => ({ date: m[1] ?? '' }) },
  { pattern: /^must be at most (\d+) characters$/, key: 'sop.input.reason.atMost', values: (m) => ({ count: Number(m[1]) }) },
  { pattern: /^must be at least (\d+) characters$/, key: 'sop.input.reason.atLeast', values: (m) => ({ count: Number(m[1]) }) },
  { pattern: /^must be yes or no$/, key: 'sop.input.reason.yesNo' },
  { pattern: /^is not in the expected format$/, key: 'sop.input.reason.format' },
];

/**
 * A validation message ("<label>: <reason>") in the interface language: the reason matched
 * against shared/fields' English reasons and translated (English reads exactly as before),
 * anything unrecognised shown as it came.
 */
export function fieldErrorText(message: string, label: string, t: Translate): string {
  const prefix = `${label}: `;
  if (!message.startsWith(prefix)) return message;
  const reason = message.slice(prefix.length);
  for (const known of FIELD_REASONS) {
    const match = reason.match(known.pattern);
    if (match) return t('sop.input.error', { label, reason: t(known.key, known.values?.(match)) });
  }
  return message;
}

/** A field as the analyst reads it (label and hint in the interface language), and as it is checked. */
interface ShownField {
  field: InputField;
  label: Shown;
  hint: Shown | undefined;
  checked: InputField;
}

function shownField(doc: SopDocument, node: InputNode, field: InputField, i: number, uiLanguage: string): ShownField {
  const label = analystText(doc, node, `fields[${i}].label`, field.label, uiLanguage);
  const hint = optionalAnalystText(doc, node, `fields[${i}].hint`, field.hint, uiLanguage);
  // The message names the field as shown, and a pattern hint (the reason itself) reads as shown.
  const checked: InputField =
    field.type === 'text' && field.patternHint !== undefined
      ? { ...field, label: label.text, patternHint: analystText(doc, node, `fields[${i}].patternHint`, field.patternHint, uiLanguage).text }
      : { ...field, label: label.text };
  return { field, label, hint, checked };
}

function validate(field: InputField, raw: string, t: Translate): string | null {
  const result = fieldValidator(field).safeParse(raw);
  if (result.success) return null;
  const message = result.error.issues[0]?.message;
  return message === undefined ? t('sop.input.invalid', { label: field.label }) : fieldErrorText(message, field.label, t);
}

const INPUT_TYPE: Record<InputField['type'], string> = {
  text: 'text',
  phone: 'tel',
  'student-number': 'text',
  school: 'text',
  'yes-no': 'text',
  date: 'date',
};

/**
 * The fields of an input node, validated as typed (after the first blur or submit, so the
 * analyst is not scolded mid-word). Enter submits; the first invalid field takes focus.
 */
export function InputForm({
  doc,
  node,
  initial,
  onSubmit,
}: {
  doc: SopDocument;
  node: InputNode;
  initial: Record<string, string>;
  onSubmit: (values: Record<string, string>) => void;
}) {
  const t = useT();
  const uiLanguage = useUiLanguage();
  const shown = node.fields.map((field, i) => shownField(doc, node, field, i, uiLanguage));
  const title = optionalAnalystText(doc, node, 'title', node.title, uiLanguage);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(node.fields.map((f) => [f.var, initial[f.var] ?? ''])),
  );
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const errors = Object.fromEntries(shown.map(({ checked: f }) => [f.var, validate(f, values[f.var] ?? '', t)]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(Object.fromEntries(node.fields.map((f) => [f.var, true])));
    const firstBad = node.fields.find((f) => errors[f.var]);
    if (firstBad) {
      document.getElementById(`field-${firstBad.var}`)?.focus();
      return;
    }
    onSubmit(values);
  };

  return (
    <form className="input-form" onSubmit={submit} noValidate autoComplete="off" aria-label={title?.text ?? t('sop.input.formLabel')}>
      {shown.map(({ field, label, hint }, i) => {
        const id = `field-${field.var}`;
        const error = touched[field.var] ? errors[field.var] : null;
        const common = {
          id,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
          'aria-required': field.required !== false,
          autoFocus: i === 0,
        };
        const set = (v: string) => setValues((old) => ({ ...old, [field.var]: v }));
        return (
          <div className="field" key={field.var}>
            <label htmlFor={id}>
              {label.lang ? <span lang={label.lang}>{label.text}</span> : label.text}
              {field.required === false ? <span className="muted"> {t('sop.input.optional')}</span> : null}
            </label>
            {field.type === 'yes-no' ? (
              <select {...common} value={values[field.var]} onChange={(e) => set(e.target.value)} onBlur={() => setTouched((old) => ({ ...old, [field.var]: true }))}>
                <option value="">{t('sop.input.choose')}</option>
                <option value="yes">{t('sop.input.yes')}</option>
                <option value="no">{t('sop.input.no')}</option>
              </select>
            ) : (
              <input
                {...common}
                type={INPUT_TYPE[field.type]}
                inputMode={field.type === 'student-number' ? 'numeric' : undefined}
                autoComplete="off"
                value={values[field.var]}
                onChange={(e) => set(e.target.value)}
                onBlur={() => setTouched((old) => ({ ...old, [field.var]: true }))}
              />
            )}
            {hint && (
              <small id={`${id}-hint`} className="muted" lang={hint.lang}>
                {hint.text}
              </small>
            )}
            {error && (
              <small id={`${id}-error`} className="error-text" role="alert">
                {error}
              </small>
            )}
          </div>
        );
      })}
      <button type="submit" className="primary">
        {t('sop.input.continue')} <kbd>Enter</kbd>
      </button>
    </form>
  );
}
