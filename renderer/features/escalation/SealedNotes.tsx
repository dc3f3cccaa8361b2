import { useState } from 'react';
import type { SealedNoteRef } from '../../../shared/escalation/schema';
import { deskbook } from '../../ipc/client';

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
  const [label, setLabel] = useState('Login details');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const seal = async () => {
    if (!secret) {
      setError('Sealed note: type the secret to seal first');
      return;
    }
    setBusy(true);
    const result = await deskbook().vault.seal({ label: label.trim() || 'Secret', plaintext: secret });
    setBusy(false);
    if (!result.ok) {
      setError(`Sealed note: ${result.error.message}`);
      return;
    }
    setSecret('');
    setError(null);
    onAdd(result.value);
  };

  return (
    <fieldset className="sealed-notes">
      <legend>Sealed notes (secrets never go in the ticket text)</legend>
      {prompt && <p className="muted">{prompt}</p>}
      {notes.length > 0 && (
        <ul className="plain" aria-label="Sealed notes on this ticket">
          {notes.map((n) => (
            <li key={n.handle}>
              <span className="chip">
                🔒 {n.label}: {n.preview}
              </span>{' '}
              <button type="button" onClick={() => onRemove(n.handle)} aria-label={`Remove sealed note ${n.label}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor="sealed-label">Label</label>
          <input id="sealed-label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={80} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="sealed-secret">Secret to seal</label>
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
          Seal
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
