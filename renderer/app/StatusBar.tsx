import { useState } from 'react';
import type { UpdateStatus } from '../../shared/policy/update';
import type { Result } from '../../shared/result';
import { deskbook } from '../ipc/client';
import { useAppStore } from '../state/store';

const LABEL = { online: 'Online', offline: 'Offline', unconfigured: 'No ticketing system' } as const;

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });

/**
 * In-app updates, when there is something to say or do: a new version to download (notify
 * mode), download progress, "ready: installs when Deskbook quits" with a restart button, or a
 * failed check. Quiet otherwise, and never alarming when the machine is simply offline.
 */
function UpdateNotice({ update }: { update: UpdateStatus }) {
  const setUpdate = useAppStore((s) => s.setUpdate);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = <T,>(call: () => Promise<Result<T>>, after?: (value: T) => void) => {
    setBusy(true);
    setProblem(null);
    void call()
      .then((r) => (r.ok ? after?.(r.value) : setProblem(r.error.message)))
      .finally(() => setBusy(false));
  };
  /** A sentence and one action button, with the action's failure (if any) after it. */
  const offer = (message: string, label: string, onClick: () => void) => (
    <span className="update" data-testid="update-notice">
      <span role="status">{message}</span>{' '}
      <button type="button" className="link" disabled={busy} onClick={onClick}>
        {label}
      </button>
      {problem && (
        <span role="alert" className="error-text">
          {' '}
          {problem}
        </span>
      )}
    </span>
  );
  switch (update.state) {
    case 'available':
      return offer(`Deskbook ${update.version} is available.`, 'Download', () => act(() => deskbook().updates.download(), setUpdate));
    case 'downloading':
      return (
        <span className="update" data-testid="update-notice">
          <span id="update-progress-label">Downloading Deskbook {update.version}</span>{' '}
          <progress max={100} value={update.percent} aria-labelledby="update-progress-label" /> {Math.floor(update.percent)}%
        </span>
      );
    case 'downloaded':
      return offer(`Deskbook ${update.version} is ready and installs when Deskbook quits.`, 'Restart and install now', () =>
        act(() => deskbook().updates.install()),
      );
    case 'error':
      return (
        <span className="update" data-testid="update-notice">
          {update.message} Next try at {clock(update.nextCheckAt)}.
        </span>
      );
    default:
      return null;
  }
}

/** Connectivity as main's probe sees it (not navigator.onLine), updates, and the app version. */
export function StatusBar() {
  const net = useAppStore((s) => s.net);
  const info = useAppStore((s) => s.info);
  const update = useAppStore((s) => s.update);
  return (
    <footer className="statusbar">
      <span role="status" aria-live="polite" className={`net net-${net?.state ?? 'unknown'}`} title={net?.detail}>
        {net ? LABEL[net.state] : 'Checking connection…'}
      </span>
      {update && <UpdateNotice update={update} />}
      {info && (
        <span className="version" data-testid="app-version">
          Deskbook {info.version} · {info.platform} · {info.shell}
        </span>
      )}
    </footer>
  );
}
