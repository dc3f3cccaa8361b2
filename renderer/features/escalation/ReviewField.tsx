import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { FIELD_NAMES } from './form-errors';
import type { ReviewedField } from './review';

/**
 * One draft field in the review: while `fact`, its value reads as text beside an Edit button;
 * editing (the button, or the field taking the focus any other way) turns it into the input it
 * always was. The input stays in the form either way, so what is queued is what is shown.
 */
export function ReviewField({
  id,
  label,
  fact,
  error,
  children,
}: {
  id: string;
  label: string;
  fact: boolean;
  error?: string | undefined;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className={`field${fact ? ' review-fact' : ''}`}>
      <div className="review-head">
        <label htmlFor={id}>{label}</label>
        {fact && (
          // The field's name is in the button as hidden text, not aria-label: "Edit" is what it says.
          <button type="button" className="link review-edit" onClick={() => document.getElementById(id)?.focus()}>
            {t('escalation.review.edit')}
            <span className="sr-only"> {label}</span>
          </button>
        )}
      </div>
      {children}
      {error && (
        <small id={`${id}-error`} className="error-text">
          {error}
        </small>
      )}
    </div>
  );
}

/** The top of a review: what the run filled in, and the fields still to ask, each a link to it. */
export function ReviewIntro({ missing }: { missing: readonly ReviewedField[] }) {
  const t = useT();
  return (
    <div className="review-intro">
      <p className="muted">{t('escalation.review.intro')}</p>
      {missing.length > 0 && (
        <p data-testid="review-missing">
          {t('escalation.review.missing')}{' '}
          {missing.map((name, i) => (
            <span key={name}>
              {i > 0 && ', '}
              <a href={`#draft-${name}`}>{t(FIELD_NAMES[name])}</a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
