import { useAppStore } from './store';

const LABEL = { online: 'Online', offline: 'Offline', unconfigured: 'No ticketing system' } as const;

/** Connectivity as main's probe sees it (not navigator.onLine), and the app version. */
export function StatusBar() {
  const net = useAppStore((s) => s.net);
  const info = useAppStore((s) => s.info);
  return (
    <footer className="statusbar">
      <span role="status" aria-live="polite" className={`net net-${net?.state ?? 'unknown'}`} title={net?.detail}>
        {net ? LABEL[net.state] : 'Checking connection…'}
      </span>
      {info && (
        <span className="version" data-testid="app-version">
          Deskbook {info.version} · {info.platform} · {info.shell}
        </span>
      )}
    </footer>
  );
}
