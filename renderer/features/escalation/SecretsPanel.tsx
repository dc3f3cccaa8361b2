import { useState } from 'react';
import type { EscalationDraftInput, SealedNoteRef } from '../../../shared/escalation/schema';
import { useT } from '../../i18n';
import { deskbook } from '../../ipc/client';
import { FIELD_NAMES } from './form-errors';
import type { GuardedField, SecretHit } from './secrets';

/** Replaces a guarded field's text (steps already tried: a line per step). */
type Setter = (name: GuardedField, text: string) => void;

/**
 * What the credential guard found: each span highlighted in its field's text, and one action:
 * move it into a sealed note. The text keeps a marker where the secret was.
 */
export function SecretsPanel({
  hits,
  getValues,
  setValue,
  onSealed,
  onDone,
  live = false,
}: {
  hits: readonly SecretHit[];
  getValues: () => EscalationDraftInput;
  setValue: Setter;
  onSealed: (note: SealedNoteRef) => void;
  onDone: () => void;
  /** Found as the analyst types, not on submit: announced politely, not as an alert. */
  live?: boolean;
}) {
  const t = useT();
  const [remaining, setRemaining] = useState(hits);
  const [error, setError] = useState<string | null>(null);

  const move = async (hit: SecretHit) => {
    const secret = hit.text.slice(hit.start, hit.end);
    // The note's label and the marker are ticket text: English, from the guard's English label.
    const result = await deskbook().vault.seal({ label: `From ${hit.label.toLowerCase()}`, plaintext: secret });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const marker = `[sealed note: ${result.value.label}]`;
    const values = getValues();
    const current = hit.field === 'stepsTried' ? values.stepsTried.join('\n') : String(values[hit.field] ?? '');
    const replaced = current.split(secret).join(marker);
    setValue(hit.field, replaced);
    onSealed(result.value);
    const left = remaining.filter((h) => !(h.field === hit.field && h.text.slice(h.start, h.end) === secret));
    setRemaining(left);
    if (left.length === 0) onDone();
  };

  return (
    <section className="secrets-panel" role={live ? 'status' : 'alert'} aria-labelledby="secrets-heading">
      <h2 id="secrets-heading">{live ? t('escalation.secrets.live') : t('escalation.secrets.heading')}</h2>
      <p>{t('escalation.secrets.body')}</p>
      <ul>
        {remaining.map((hit, i) =>
          hit.kind === 'sealed-value' ? (
            // Main says only that the field holds a sealed note's text, not where: nothing to move.
            <li key={`${hit.field}-sealed-${i}`}>
              {t.rich('escalation.secrets.sealedValue', {
                field: t(FIELD_NAMES[hit.field]),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </li>
          ) : (
            <li key={`${hit.field}-${hit.start}-${i}`}>
              <strong>{t(FIELD_NAMES[hit.field])}:</strong>{' '}
              <span className="snippet">
                {hit.text.slice(Math.max(0, hit.start - 30), hit.start)}
                <mark>{hit.text.slice(hit.start, hit.end)}</mark>
                {hit.text.slice(hit.end, hit.end + 30)}
              </span>{' '}
              <button type="button" onClick={() => void move(hit)}>
                {t('escalation.secrets.move')}
              </button>
            </li>
          ),
        )}
      </ul>
      {error && <p className="error-text">{error}</p>}
    </section>
  );
}
