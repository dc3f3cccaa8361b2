import type { TextareaHTMLAttributes } from 'react';

/**
 * A labelled textarea whose error is tied to it for screen readers (aria-invalid,
 * aria-describedby) and announced when it appears.
 */
export function TextAreaField({
  id,
  label,
  error,
  ...textarea
}: { id: string; label: string; error?: string | undefined } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...textarea} />
      {error && (
        <small id={`${id}-error`} className="error-text" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
