import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n';
import { Dialog } from './Dialog';
import { isTyping, modalOpen } from './keys';

/** Every shortcut the app answers, in the order an analyst meets them on a call. */
export const SHORTCUTS: readonly { keys: readonly string[]; action: MessageKey }[] = [
  { keys: ['Ctrl+K', '/'], action: 'app.shortcuts.find' },
  { keys: ['1 … 9'], action: 'app.shortcuts.answer' },
  { keys: ['Enter'], action: 'app.shortcuts.continue' },
  { keys: ['Alt+←'], action: 'app.shortcuts.back' },
  { keys: ['Alt+E'], action: 'app.shortcuts.escalate' },
  { keys: ['L', 'Alt+L'], action: 'app.shortcuts.language' },
  { keys: ['Ctrl+1 … Ctrl+8'], action: 'app.shortcuts.screens' },
  { keys: ['?'], action: 'app.shortcuts.sheet' },
  { keys: ['Esc'], action: 'app.shortcuts.close' },
];

/**
 * The shortcut sheet: `?` anywhere outside a text field opens a dialog listing every shortcut;
 * Esc (or its button) closes it and focus returns where it was. Its button in the top bar says so.
 */
export function ShortcutSheet() {
  const t = useT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || modalOpen()) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" className="shortcut-hint" onClick={() => setOpen(true)} aria-keyshortcuts="?">
        {t('app.shortcuts.hint')}
      </button>
      {open && <SheetDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function SheetDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Dialog labelledBy="shortcuts-heading" onClose={onClose} className="shortcut-sheet">
      <h2 id="shortcuts-heading">{t('app.shortcuts.heading')}</h2>
      <p className="muted">{t('app.shortcuts.intro')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('app.shortcuts.col.keys')}</th>
            <th scope="col">{t('app.shortcuts.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((row) => (
            <tr key={row.action}>
              <td>
                {row.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ` ${t('app.shortcuts.or')} `}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(row.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog" className="row">
        <button type="submit" className="primary" autoFocus>
          {t('app.shortcuts.dismiss')}
        </button>
      </form>
    </Dialog>
  );
}
