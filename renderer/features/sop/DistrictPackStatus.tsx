import { useState } from 'react';
import { getDeskbook } from '../../ipc/client';
import { useT } from '../../i18n';
import { useAppStore } from '../../state/store';

/**
 * Where the district's published pack stands (SopPackUrl): the version in use and when it was
 * last confirmed, or, plainly, why the latest file was refused or could not be fetched. Hidden
 * when the district publishes none.
 */
export function DistrictPackStatus() {
  const t = useT();
  const status = useAppStore((s) => s.districtPack?.status);
  const setDistrictPack = useAppStore((s) => s.setDistrictPack);
  const [busy, setBusy] = useState(false);
  if (!status || status.state === 'unconfigured') return null;
  const when = (iso: string | null) => (iso ? t.intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : t('sop.districtPack.never'));

  const check = async () => {
    const api = getDeskbook();
    if (!api) return;
    setBusy(true);
    try {
      await api.packs.refresh();
      const latest = await api.packs.district();
      if (latest.ok) setDistrictPack(latest.value);
    } finally {
      setBusy(false);
    }
  };

  const problem = status.state === 'refused' || status.state === 'unreachable';
  return (
    <section className="card" aria-labelledby="district-pack-heading" data-testid="district-pack" data-state={status.state}>
      <h2 id="district-pack-heading">{t('sop.districtPack.heading')}</h2>
      <p role="status" className={problem ? 'warning' : 'muted'}>
        {status.state === 'ok' && t('sop.districtPack.ok', { version: status.version ?? '', checked: when(status.checkedAt) })}
        {status.state === 'refused' && t('sop.districtPack.refused', { reason: status.reason ?? '' })}
        {status.state === 'unreachable' && t('sop.districtPack.unreachable', { reason: status.reason ?? '' })}{' '}
        {problem && (status.version ? t('sop.districtPack.keeping', { version: status.version, lastGood: when(status.lastGoodAt) }) : t('sop.districtPack.none'))}
      </p>
      <button type="button" onClick={() => void check()} disabled={busy}>
        {busy ? t('sop.districtPack.checking') : t('sop.districtPack.check')}
      </button>
    </section>
  );
}
