import { useState } from 'react';
import type { FormEvent } from 'react';
import { fieldValidator } from '../../../shared/fields';
import type { InputField, InputNode, SopDocument } from '../../../shared/sop/schema';
import { useT } from '../../i18n';
import { fieldErrorText } from '../../ui/field-reasons';
import type { Translate } from '../../i18n';
import { analystText, optionalAnalystText, useUiLanguage } from './language';
import type { Shown } from './language';

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
