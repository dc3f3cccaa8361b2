import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { useAppStore } from '../../state/store';
import { useCatalog } from './catalog';
import type { CatalogEntry } from './catalog';
import { DistrictPackStatus } from './DistrictPackStatus';
import { ImportPack } from './ImportPack';
import { shownFirstSymptom, shownTitle, useUiLanguage } from './language';
import type { Shown } from './language';
import { useActiveRuns } from './run-queries';
import { createSopSearch } from './search';

/** A text for a message argument: a `lang` span when it is not in the interface language. */
function inLanguage(shown: Shown) {
  return shown.lang ? <span lang={shown.lang}>{shown.text}</span> : shown.text;
}

/**
 * The SOP library: type a few words of what the caller says, arrow to the procedure, Enter.
 * Unfinished calls are listed first so a restart never loses one.
 */
export function LibraryScreen() {
  const t = useT();
  const uiLanguage = useUiLanguage();
  const catalog = useCatalog();
  const active = useActiveRuns();
  const navigate = useAppStore((s) => s.navigate);
  const districtNotes = useAppStore((s) => s.settings?.library.districtNotes);
  const [query, setQuery] = useState('');
  const search = useMemo(() => createSopSearch(catalog), [catalog]);
  const results = useMemo(() => search(query), [search, query]);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && document.activeElement === document.body)) {
        event.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const open = async (entry: CatalogEntry) => {
    // The engine (and zod) load on the first open, not with the library.
    const { createRun } = await import('./runs');
    const run = await createRun(entry.doc, entry.packId, Date.now(), districtNotes?.[entry.packId] ?? {}, uiLanguage);
    navigate({ name: 'run', runId: run.id });
  };

  const focusResult = (index: number) => {
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button.sop-open');
    if (!buttons || buttons.length === 0) return;
    buttons[Math.max(0, Math.min(index, buttons.length - 1))]?.focus();
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusResult(0);
    } else if (event.key === 'Enter' && results[0]) {
      event.preventDefault();
      void open(results[0]);
    }
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.sop-open') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusResult(index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index <= 0) inputRef.current?.focus();
      else focusResult(index - 1);
    }
  };

  return (
    <div className="library">
      <h1>{t('sop.library.heading')}</h1>
      {active.length > 0 && (
        <section aria-labelledby="unfinished-heading" className="card">
          <h2 id="unfinished-heading">{t('sop.library.unfinished.heading')}</h2>
          <ul className="plain">
            {active.map((run) => (
              <li key={run.id}>
                <button type="button" onClick={() => navigate({ name: 'run', runId: run.id })}>
                  {t.rich('sop.library.unfinished.resume', { title: inLanguage(shownTitle(run.doc, uiLanguage)) })}
                </button>{' '}
                <span className="muted">{t('sop.library.unfinished.started', { time: t.intl.formatTime(run.startedAt) })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="field search">
        <label htmlFor="sop-search">{t('sop.library.search.label')}</label>
        <input
          id="sop-search"
          ref={inputRef}
          type="search"
          autoFocus
          autoComplete="off"
          placeholder={t('sop.library.search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          aria-describedby="sop-search-help"
          aria-controls="sop-results"
          aria-keyshortcuts="Control+K /"
        />
        <small id="sop-search-help" className="muted">
          {t('sop.library.search.help')}
        </small>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {t('sop.library.count', { count: results.length })}
      </p>
      <ul id="sop-results" className="sop-list" ref={listRef} onKeyDown={onListKey} aria-label={t('sop.library.results.label')}>
        {results.map((entry) => {
          const title = shownTitle(entry.doc, uiLanguage);
          const symptom = shownFirstSymptom(entry.doc, uiLanguage);
          return (
            <li key={entry.key}>
              <button type="button" className="sop-open" onClick={() => void open(entry)}>
                <span className="sop-title" lang={title.lang}>
                  {title.text}
                </span>
                <span className="muted sop-meta">
                  {t('sop.library.version', { version: entry.doc.version })} ·{' '}
                  {entry.source === 'district'
                    ? t('sop.library.source.district', { pack: entry.packTitle })
                    : entry.exampleFrom
                      ? t('sop.library.source.example', { district: entry.exampleFrom })
                      : t('sop.library.source.builtIn')}
                  {entry.doc.tags.length > 0 ? ` · ${entry.doc.tags.join(', ')}` : ''}
                </span>
                {symptom && <span className="sop-symptom">{t.rich('sop.library.symptom', { symptom: inLanguage(symptom) })}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {results.length === 0 && catalog.length > 0 && <p>{t('sop.library.noMatch', { query })}</p>}
      {catalog.length === 0 && (
        <p role="status">{t('sop.library.empty')}</p>
      )}
      <p className="muted">{t('sop.library.about')}</p>
      <DistrictPackStatus />
      <ImportPack />
    </div>
  );
}
