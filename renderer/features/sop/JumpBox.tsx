import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { useAppStore } from '../../state/store';
import { Dialog } from '../../ui/Dialog';
import { isTyping, modalOpen } from '../../ui/keys';
import { useCatalog } from './catalog';
import type { CatalogEntry } from './catalog';
import { shownTitle, useUiLanguage } from './language';
import { createRun } from './runs';
import { createSopSearch } from './search';

/**
 * The jump box, on Ctrl+K (or `/` outside a text field) during a call: go back to the library or
 * start another procedure without losing this call. The call's run is saved after every answer,
 * so leaving it here is what "Leave for now" does: it waits in the library's unfinished calls.
 */
export function JumpBox() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const ctrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if ((!ctrlK && !slash) || modalOpen()) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return open ? <JumpDialog onClose={() => setOpen(false)} /> : null;
}

function JumpDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const uiLanguage = useUiLanguage();
  const navigate = useAppStore((s) => s.navigate);
  const districtNotes = useAppStore((s) => s.settings?.library.districtNotes);
  const catalog = useCatalog();
  const [query, setQuery] = useState('');
  const search = useMemo(() => createSopSearch(catalog), [catalog]);
  const results = useMemo(() => search(query).slice(0, 8), [search, query]);
  const listRef = useRef<HTMLUListElement>(null);

  const toLibrary = () => {
    onClose();
    navigate({ name: 'library' });
  };
  const open = async (entry: CatalogEntry) => {
    const run = await createRun(entry.doc, entry.packId, Date.now(), districtNotes?.[entry.packId] ?? {}, uiLanguage);
    onClose();
    navigate({ name: 'run', runId: run.id });
  };
  const buttons = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons()[0]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (query.trim() === '') toLibrary();
      else if (results[0]) void open(results[0]);
    }
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const all = buttons();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) document.getElementById('jump-query')?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  return (
    <Dialog labelledBy="jump-heading" onClose={onClose} className="jump-box">
      <h2 id="jump-heading">{t('sop.jump.heading')}</h2>
      <p className="muted" id="jump-help">
        {t('sop.jump.help')}
      </p>
      <div className="field search">
        <label htmlFor="jump-query">{t('sop.jump.label')}</label>
        <input
          id="jump-query"
          type="search"
          autoFocus
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onInputKey}
          aria-describedby="jump-help"
          aria-controls="jump-results"
        />
      </div>
      <ul id="jump-results" className="sop-list" ref={listRef} onKeyDown={onListKey} aria-label={t('sop.jump.results')}>
        <li>
          <button type="button" className="sop-open" onClick={toLibrary}>
            <span className="sop-title">{t('sop.jump.library')}</span>
          </button>
        </li>
        {results.map((entry) => {
          const title = shownTitle(entry.doc, uiLanguage);
          return (
            <li key={entry.key}>
              <button type="button" className="sop-open" onClick={() => void open(entry)}>
                <span className="sop-title" lang={title.lang}>
                  {title.text}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <form method="dialog" className="row">
        <button type="submit">{t('sop.jump.cancel')}</button>
      </form>
    </Dialog>
  );
}
