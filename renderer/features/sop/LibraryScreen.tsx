import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useAppStore } from '../../state/store';
import { useCatalog } from './catalog';
import type { CatalogEntry } from './catalog';
import { ImportPack } from './ImportPack';
import { useActiveRuns } from './run-queries';
import { createSopSearch } from './search';

/**
 * The SOP library: type a few words of what the caller says, arrow to the procedure, Enter.
 * Unfinished calls are listed first so a restart never loses one.
 */
export function LibraryScreen() {
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
    const run = await createRun(entry.doc, entry.packId, Date.now(), districtNotes?.[entry.packId] ?? {});
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
      <h1>Procedures</h1>
      {active.length > 0 && (
        <section aria-labelledby="unfinished-heading" className="card">
          <h2 id="unfinished-heading">Unfinished calls</h2>
          <ul className="plain">
            {active.map((run) => (
              <li key={run.id}>
                <button type="button" onClick={() => navigate({ name: 'run', runId: run.id })}>
                  Resume: {run.doc.title}
                </button>{' '}
                <span className="muted">started {new Date(run.startedAt).toLocaleTimeString()}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="field search">
        <label htmlFor="sop-search">Search procedures</label>
        <input
          id="sop-search"
          ref={inputRef}
          type="search"
          autoFocus
          autoComplete="off"
          placeholder="What does the caller say? e.g. “can't log in to HAC”"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          aria-describedby="sop-search-help"
          aria-controls="sop-results"
          aria-keyshortcuts="Control+K /"
        />
        <small id="sop-search-help" className="muted">
          Enter opens the first match; ↓ moves through the list. Ctrl+K or / comes back here.
        </small>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {results.length} procedures
      </p>
      <ul id="sop-results" className="sop-list" ref={listRef} onKeyDown={onListKey} aria-label="Procedures">
        {results.map((entry) => (
          <li key={entry.key}>
            <button type="button" className="sop-open" onClick={() => void open(entry)}>
              <span className="sop-title">{entry.doc.title}</span>
              <span className="muted sop-meta">
                v{entry.doc.version} ·{' '}
                {entry.source === 'district'
                  ? `district pack “${entry.packTitle}”`
                  : entry.exampleFrom
                    ? `built-in example from ${entry.exampleFrom}`
                    : 'built-in'}
                {entry.doc.tags.length > 0 ? ` · ${entry.doc.tags.join(', ')}` : ''}
              </span>
              {entry.doc.symptoms[0] && <span className="sop-symptom">“{entry.doc.symptoms[0]}”</span>}
            </button>
          </li>
        ))}
      </ul>
      {results.length === 0 && catalog.length > 0 && <p>No procedure matches “{query}”. Try fewer words, or what the caller sees on screen.</p>}
      {catalog.length === 0 && (
        <p role="status">
          Your district has not published any procedures to this computer yet. Built-in examples are hidden by policy; import the district&apos;s pack
          below, or ask district IT.
        </p>
      )}
      <p className="muted">
        Built-in procedures are examples from three districts (Cy-Fair ISD, Jefferson City Public Schools, Denver Public Schools) and Infinite Campus&apos;s
        own support rules. Where only your district can say (names, numbers, who resets what), they show your district&apos;s notes, or what to confirm.
      </p>
      <ImportPack />
    </div>
  );
}
