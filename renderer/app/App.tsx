import { Suspense, useEffect, useMemo } from 'react';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n';
import { getDeskbook } from '../ipc/client';
import { useAppStore } from '../state/store';
import type { View } from '../state/store';
import { StatusBar } from './StatusBar';
import { ShortcutSheet } from '../ui/ShortcutSheet';
import { applyTheme } from '../ui/theme';
import { DraftScreen } from '../features/escalation';
import { QueueScreen } from '../features/outbox';
import { SettingsScreen } from '../features/settings';
import { AuditScreen, DashboardScreen, ReviewScreen } from '../features/review';
import { HistoryScreen, LibraryScreen, RunScreen } from '../features/sop';
import { StudioScreen } from '../features/studio';

type NavName = 'library' | 'queue' | 'history' | 'settings' | 'review' | 'dashboard' | 'audit' | 'studio';
const NAV: { name: NavName; label: MessageKey; key: string; supervisor?: true }[] = [
  { name: 'library', label: 'app.nav.library', key: '1' },
  { name: 'queue', label: 'app.nav.queue', key: '2' },
  { name: 'history', label: 'app.nav.history', key: '3' },
  { name: 'settings', label: 'app.nav.settings', key: '4' },
  { name: 'review', label: 'app.nav.review', key: '5', supervisor: true },
  { name: 'dashboard', label: 'app.nav.dashboard', key: '6', supervisor: true },
  { name: 'audit', label: 'app.nav.audit', key: '7', supervisor: true },
  { name: 'studio', label: 'app.nav.studio', key: '8', supervisor: true },
];

/**
 * Starts the outbox from its own chunk: the pump, the delivery kinds and the schemas they carry
 * are not needed to paint the library, so they load beside it rather than before it. The entries
 * a restart left queued are picked up as soon as the chunk arrives. Returns how to stop it, which
 * also works before the chunk has arrived (React's StrictMode stops and starts effects once).
 */
function startOutboxWhenLoaded(): () => void {
  let stopped = false;
  const started = import('./outbox').then(({ startAppOutbox }) => (stopped ? null : startAppOutbox()));
  return () => {
    stopped = true;
    void started.then((stop) => stop?.());
  };
}

function Screen({ view }: { view: View }) {
  switch (view.name) {
    case 'library':
      return <LibraryScreen />;
    case 'run':
      return <RunScreen runId={view.runId} />;
    case 'draft':
      return <DraftScreen draftId={view.draftId} />;
    case 'queue':
      return <QueueScreen />;
    case 'history':
      return <HistoryScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'studio':
      return <StudioScreen sopId={view.sopId} />;
  }
}

/** The app shell: navigation, the current screen, and the connectivity/status bar. */
export function App() {
  const t = useT();
  const view = useAppStore((s) => s.view);
  const navigate = useAppStore((s) => s.navigate);
  const setInfo = useAppStore((s) => s.setInfo);
  const setNet = useAppStore((s) => s.setNet);
  const setSettings = useAppStore((s) => s.setSettings);
  const setUpdate = useAppStore((s) => s.setUpdate);
  const setDistrictPack = useAppStore((s) => s.setDistrictPack);
  const setFlash = useAppStore((s) => s.setFlash);
  const api = getDeskbook();
  const role = useAppStore((s) => s.settings?.user.role);
  // Supervisor screens are hidden from other roles here; main refuses their channels regardless.
  const nav = useMemo(() => NAV.filter((n) => !n.supervisor || role === 'supervisor'), [role]);

  useEffect(() => {
    if (!api) return;
    void api.app.info().then((r) => r.ok && setInfo(r.value));
    void api.net.status().then((r) => r.ok && setNet(r.value));
    void api.settings.get().then((r) => r.ok && setSettings(r.value));
    void api.updates.status().then((r) => r.ok && setUpdate(r.value));
    const offNet = api.on('net:status', setNet);
    const offUpdate = api.on('updates:status', setUpdate);
    const loadPack = () => void api.packs.district().then((r) => r.ok && setDistrictPack(r.value));
    loadPack();
    const offPack = api.on('packs:status', loadPack);
    const stopOutbox = startOutboxWhenLoaded();
    return () => {
      offNet();
      offUpdate();
      offPack();
      stopOutbox();
    };
  }, [api, setInfo, setNet, setSettings, setUpdate, setDistrictPack]);

  const theme = useAppStore((s) => s.settings?.theme) ?? 'system';
  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    if (view.name !== 'queue') setFlash(null);
  }, [view.name, setFlash]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      const target = nav.find((n) => n.key === event.key);
      if (target) {
        event.preventDefault();
        navigate({ name: target.name });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, nav]);

  if (!api) {
    return (
      <main className="fatal" role="alert">
        <h1>{t('app.fatal.heading')}</h1>
        <p>{t.rich('app.fatal.body', { code: (chunks) => <code>{chunks}</code> })}</p>
      </main>
    );
  }

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          Deskbook
        </span>
        <nav aria-label={t('app.nav.label')}>
          <ul>
            {nav.map((item) => (
              <li key={item.name}>
                <button
                  type="button"
                  aria-current={view.name === item.name || (item.name === 'library' && view.name === 'run') ? 'page' : undefined}
                  onClick={() => navigate({ name: item.name })}
                  title={t('app.nav.shortcut', { key: item.key })}
                >
                  {t(item.label)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <ShortcutSheet />
      </header>
      <main id="main" className="content">
        <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
          <Screen view={view} />
        </Suspense>
      </main>
      <StatusBar />
    </div>
  );
}
