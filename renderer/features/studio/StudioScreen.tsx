import { useState } from 'react';
import './studio.css';
import type { ChangeEvent, FormEvent } from 'react';
import { packToYaml } from '../../../shared/sop/export';
import { idSchema, sopPackSchema } from '../../../shared/sop/schema';
import { useT, WithAreaMessages } from '../../i18n';
import { LAZY_AREAS } from '../../i18n/lazy-areas';
import { useAppStore } from '../../state/store';
import { errorText } from '../../ui/error-text';
import { downloadText } from './download';
import { blankSop } from './model';
import { StudioEditor } from './StudioEditor';
import { createProcedure, importIntoStudio, useStudioRow, useStudioRows } from './studio-store';
import { districtPackOf, hasUnpublishedChanges, latestPublished } from './versions';

/**
 * The SOP Studio (supervisors): the district's own procedures, each a draft with its published
 * versions. From here a procedure is started from scratch or imported from a pack file, and
 * the district pack (every procedure's newest published version) is exported for district IT
 * to sign and serve at the SopPackUrl, which is how it reaches every analyst's Deskbook.
 */
export function StudioScreen({ sopId }: { sopId?: string }) {
  return <WithAreaMessages area={LAZY_AREAS.studio}>{sopId === undefined ? <StudioHome /> : <StudioProcedure sopId={sopId} />}</WithAreaMessages>;
}

function StudioProcedure({ sopId }: { sopId: string }) {
  const t = useT();
  const row = useStudioRow(sopId);
  const navigate = useAppStore((s) => s.navigate);
  if (row === undefined) return <p aria-busy="true">{t('app.loading')}</p>;
  if (row === null) {
    return (
      <div role="alert">
        <p>{t('studio.home.missing', { id: sopId })}</p>
        <button type="button" onClick={() => navigate({ name: 'studio' })}>
          {t('studio.editor.back')}
        </button>
      </div>
    );
  }
  return <StudioEditor key={row.id} row={row} />;
}

function StudioHome() {
  const t = useT();
  const rows = useStudioRows();
  const navigate = useAppStore((s) => s.navigate);
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [problems, setProblems] = useState<{ id?: string; title?: string; form?: string }>({});
  const [importMessage, setImportMessage] = useState<{ text: string; error: boolean } | null>(null);
  const districtPack = rows ? districtPackOf(rows) : undefined;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const next: typeof problems = {};
    if (!idSchema.safeParse(id).success) next.id = t('studio.home.idInvalid');
    if (title.trim() === '') next.title = t('studio.field.required', { label: t('studio.home.title') });
    setProblems(next);
    if (next.id || next.title) return;
    try {
      await createProcedure(blankSop(id, title.trim()), Date.now());
      navigate({ name: 'studio', sopId: id });
    } catch (cause) {
      setProblems({ form: errorText(cause) });
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const text = await file.text();
      const raw: unknown = /\.json$/i.test(file.name) ? JSON.parse(text) : (await import('yaml')).parse(text);
      // Lint errors do not stop an import here: the Studio is where they get fixed, and
      // publishing stays blocked until they are. A file that is not a pack at all is refused.
      const parsed = sopPackSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        setImportMessage({ text: t('studio.home.importRefused', { file: file.name, where: issue?.path.join('.') || file.name, reason: issue?.message ?? '' }), error: true });
        return;
      }
      const ids = await importIntoStudio(parsed.data, Date.now());
      setImportMessage({ text: t('studio.home.imported', { count: ids.length, ids: ids.join(', ') }), error: false });
    } catch (cause) {
      setImportMessage({ text: t('studio.home.importFailed', { file: file.name, error: errorText(cause) }), error: true });
    }
  };

  return (
    <div className="studio-home">
      <h1>{t('studio.home.heading')}</h1>
      <p className="muted">{t('studio.home.intro')}</p>
      <form className="card" onSubmit={(event) => void create(event)} aria-labelledby="studio-new-heading" noValidate>
        <h2 id="studio-new-heading">{t('studio.home.new')}</h2>
        <div className="field">
          <label htmlFor="studio-new-title">{t('studio.home.title')}</label>
          <input id="studio-new-title" value={title} onChange={(event) => setTitle(event.target.value)} aria-invalid={problems.title ? true : undefined} aria-describedby={problems.title ? 'studio-new-title-error' : undefined} />
          {problems.title && (
            <p id="studio-new-title-error" className="error-text">
              {problems.title}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="studio-new-id">{t('studio.home.id')}</label>
          <input id="studio-new-id" value={id} onChange={(event) => setId(event.target.value)} aria-invalid={problems.id ? true : undefined} aria-describedby="studio-new-id-hint" />
          <p id="studio-new-id-hint" className={problems.id ? 'error-text' : 'muted hint'}>
            {problems.id ?? t('studio.home.idHint')}
          </p>
        </div>
        <button type="submit" className="primary">
          {t('studio.home.create')}
        </button>
        {problems.form && (
          <p role="alert" className="error-text">
            {problems.form}
          </p>
        )}
      </form>
      <section className="card" aria-labelledby="studio-import-heading">
        <h2 id="studio-import-heading">{t('studio.home.import')}</h2>
        <label htmlFor="studio-import-file">{t('studio.home.importLabel')}</label>{' '}
        <input id="studio-import-file" type="file" accept=".yaml,.yml,.json,application/json" onChange={(event) => void onFile(event)} />
        {importMessage && (
          <p role={importMessage.error ? 'alert' : 'status'} className={importMessage.error ? 'error-text' : undefined}>
            {importMessage.text}
          </p>
        )}
      </section>
      <section aria-labelledby="studio-list-heading">
        <h2 id="studio-list-heading">{t('studio.home.list')}</h2>
        {rows === undefined ? (
          <p aria-busy="true">{t('app.loading')}</p>
        ) : rows.length === 0 ? (
          <p className="muted">{t('studio.home.empty')}</p>
        ) : (
          <ul className="studio-list">
            {rows.map((row) => (
              <li key={row.id}>
                <button type="button" onClick={() => navigate({ name: 'studio', sopId: row.id })}>
                  {row.draft.title} <span className="muted">({row.id})</span>
                </button>{' '}
                <span className="muted">
                  {t('studio.home.status', {
                    published: latestPublished(row)?.version ?? 'none',
                    changes: hasUnpublishedChanges(row) ? 'yes' : 'no',
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="studio-district-heading">
        <h2 id="studio-district-heading">{t('studio.home.district')}</h2>
        <p>{t.rich('studio.home.districtHow', { code: (chunks) => <code>{chunks}</code> })}</p>
        <button
          type="button"
          disabled={!districtPack}
          onClick={() => districtPack && downloadText(`${districtPack.id}-${districtPack.version}.sop.yaml`, packToYaml(districtPack), 'application/yaml')}
        >
          {districtPack ? t('studio.home.districtExport', { version: districtPack.version, count: districtPack.sops.length }) : t('studio.home.districtNothing')}
        </button>
      </section>
    </div>
  );
}
