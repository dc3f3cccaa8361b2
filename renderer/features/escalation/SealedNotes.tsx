import { useState } from 'react';
import type { SealedNoteRef } from '../../../shared/escalation/schema';
import { useT } from '../../i18n';
import { deskbook } from '../../ipc/client';

/**
 * The label a new note starts with, and the one it gets when the analyst clears it. English on
 * purpose: a note's label is part of the ticket ("[sealed note: Login details]"), which stays English.
 */
const DEFAULT_LABEL = 'Login details';
const BLANK_LABEL = 'Secret';

/**
 * Secrets that belong on the ticket only as a sealed note (e.g. a temporary password the
 * school set). The value goes straight to main's vault; this process keeps the handle and a
 * masked preview. The input is never autosaved and is cleared once sealed.
 */
export function SealedNotes({
  notes,
  onAdd,
  onRemove,
  prompt,
}: {
  notes: readonly SealedNoteRef[];
  onAdd: (note: SealedNoteRef) => void;
  onRemove: (handle: string) => void;
  prompt: string | null;
}) {
  const t = useT();
  const [label, setLabel] = useState(DEFAULT_LABEL);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const seal = async () => {
    if (!secret) {
      setError(t('escalation.sealed.error.empty'));
      return;
    }
    setBusy(true);
    const result = await deskbook().vault.seal({ label: label.trim() || BLANK_LABEL, plaintext: secret });
    setBusy(false);
    if (!result.ok) {
      setError(t('escalation.sealed.error.failed', { reason: result.error.message }));
      return;
    }
    setSecret('');
    setError(null);
    onAdd(result.value);
  };

  return (
    <fieldset className="sealed-notes">
      <legend>{t('escalation.sealed.legend')}</legend>
      {prompt && <p className="muted">{prompt}</p>}
      {notes.length > 0 && (
        <ul className="plain" aria-label={t('escalation.sealed.list')}>
          {notes.map((n) => (
            <li key={n.handle}>
              <span className="chip">
                🔒 {n.label}: {n.preview}
              </span>{' '}
              <button type="button" onClick={() => onRemove(n.handle)} aria-label={t('escalation.sealed.removeNamed', { label: n.label })}>
                {t('escalation.sealed.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor="sealed-label">{t('escalation.sealed.label')}</label>
          <input id="sealed-label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={80} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="sealed-secret">{t('escalation.sealed.secret')}</label>
          <input
            id="sealed-secret"
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="off"
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void seal();
              }
            }}
            aria-describedby={error ? 'sealed-error' : undefined}
          />
        </div>
        <button type="button" onClick={() => void seal()} disabled={busy}>
          {t('escalation.sealed.seal')}
        </button>
      </div>
      {error && (
        <small id="sealed-error" className="error-text" role="alert">
          {error}
        </small>
      )}
    </fieldset>
  );
}
