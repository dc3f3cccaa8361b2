import { useEffect, useId, useState } from 'react';
import { useT } from '../../i18n';

/**
 * The Studio's form controls. Each keeps what is typed locally and hands every change to the
 * editing model, which applies it or says why not; a refused value stays in the box with the
 * reason under it (never silently reverted), so nothing typed is lost while it is being fixed.
 */

/** Applies a change; returns why it was refused, or undefined when it applied. */
export type Commit = (value: string) => string | undefined;

export function TextInput({
  label,
  value,
  onCommit,
  multiline = false,
  optional = false,
  lang,
  hint,
  autoFocus,
}: {
  label: string;
  value: string;
  onCommit: Commit;
  multiline?: boolean;
  optional?: boolean;
  lang?: string;
  hint?: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | undefined>();
  // Follow the document when it changes from elsewhere (undo, a rename), unless the box holds a
  // refused value the supervisor is still fixing.
  useEffect(() => {
    setText(value);
    setError(undefined);
  }, [value]);
  const change = (next: string) => {
    setText(next);
    if (!optional && next.trim() === '') {
      setError(t('studio.field.required', { label }));
      return;
    }
    setError(onCommit(next));
  };
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: text,
    lang,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    autoFocus,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="muted"> {t('studio.field.optional')}</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => change(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => change(event.target.value)} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="muted hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectInput({
  label,
  value,
  options,
  onCommit,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onCommit: Commit;
}) {
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setError(undefined), [value]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => setError(onCommit(event.target.value))} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function CheckInput({ label, checked, onCommit }: { label: string; checked: boolean; onCommit: (checked: boolean) => string | undefined }) {
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  return (
    <div className="field check">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => setError(onCommit(event.target.checked))} aria-describedby={error ? `${id}-error` : undefined} />
      <label htmlFor={id}>{label}</label>
      {error && (
        <p id={`${id}-error`} className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
