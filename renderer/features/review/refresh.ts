import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { useAppStore } from '../../state/store';
import { db } from '../../db/db';
import { deskbook } from '../../ipc/client';
import { errorText } from '../../ui/error-text';
import { pullReviews } from './sync';

export interface RefreshState {
  busy: boolean;
  lastPulled: Date | null;
  error: string | null;
  refresh: () => Promise<void>;
}

/**
 * Keeps the review cache fresh: on opening, when the window regains focus, every minute, and
 * when the ticketing system becomes reachable again. Offline, the cache is what is shown.
 */
export function useReviewRefresh(): RefreshState {
  const net = useAppStore((s) => s.net?.state);
  const district = useAppStore((s) => s.settings?.districtSla) ?? DEFAULT_DISTRICT_POLICY;
  const [busy, setBusy] = useState(false);
  const [lastPulled, setLastPulled] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    setBusy(true);
    try {
      await pullReviews(db(), deskbook(), district);
      setLastPulled(new Date());
      setError(null);
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setBusy(false);
    }
  }, [district]);

  useEffect(() => {
    if (net === 'online') void refresh();
  }, [net, refresh]);
  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    const timer = setInterval(() => void refresh(), 60_000);
    return () => {
      window.removeEventListener('focus', onFocus);
      clearInterval(timer);
    };
  }, [refresh]);

  return { busy, lastPulled, error, refresh };
}
