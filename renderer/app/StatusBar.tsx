import { useState } from 'react';
import type { NetStatus } from '../../shared/ipc/contract';
import type { UpdateStatus } from '../../shared/policy/update';
import type { Result } from '../../shared/result';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n';
import { deskbook } from '../ipc/client';
import { useAppStore } from '../state/store';

const LABEL: Record<NetStatus['state'], MessageKey> = {
  online: 'app.status.net.online',
  offline: 'app.status.net.offline',
  unconfigured: 'app.status.net.unconfigured',
};

/**
 * In-app updates, when there is something to say or do: a new version to download (notify
 * mode), download progress, "ready: installs when Deskbook quits" with a restart button, or a
 * failed check. Quiet otherwise, and never alarming when the machine is simply offline.
 */
function UpdateNotice({ update }: { update: UpdateStatus }) {
  const t = useT();
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
      return offer(t('app.update.available', { version: update.version }), t('app.update.download'), () =>
        act(() => deskbook().updates.download(), setUpdate),
      );
    case 'downloading':
      return (
        <span className="update" data-testid="update-notice">
          <span id="update-progress-label">{t('app.update.downloading', { version: update.version })}</span>{' '}
          <progress max={100} value={update.percent} aria-labelledby="update-progress-label" />{' '}
          {t.intl.formatNumber(Math.floor(update.percent) / 100, { style: 'percent' })}
        </span>
      );
    case 'downloaded':
      return offer(t('app.update.downloaded', { version: update.version }), t('app.update.install'), () =>
        act(() => deskbook().updates.install()),
      );
    case 'error':
      return (
        <span className="update" data-testid="update-notice">
          {t('app.update.error', {
            message: update.message,
            time: t.intl.formatTime(new Date(update.nextCheckAt), { hour: 'numeric', minute: '2-digit' }),
          })}
        </span>
      );
    default:
      return null;
  }
}

/** Connectivity as main's probe sees it (not navigator.onLine), updates, and the app version. */
export function StatusBar() {
  const t = useT();
  const net = useAppStore((s) => s.net);
  const info = useAppStore((s) => s.info);
  const update = useAppStore((s) => s.update);
  return (
    <footer className="statusbar">
      <span role="status" aria-live="polite" className={`net net-${net?.state ?? 'unknown'}`} title={net?.state === 'unconfigured' ? t('app.status.net.unconfiguredDetail') : net?.detail}>
        {t(net ? LABEL[net.state] : 'app.status.net.checking')}
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
