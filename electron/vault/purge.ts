import type { Logger } from '../../shared/log';
import type { Vault } from './vault';

const DAY_MS = 86_400_000;

/**
 * Deletes sealed notes past their retention window (days after their ticket was delivered): once
 * at start, then four times a day. A failed purge is logged and tried again at the next tick.
 */
export function createPurgeSchedule(vault: Vault, retentionDays: () => number, now: () => Date, log: Logger) {
  let timer: ReturnType<typeof setInterval> | null = null;
  const purge = () => {
    vault.purge(now(), retentionDays()).then(
      (count) => count > 0 && log.info('sealed notes purged after retention', { count }),
      (error: unknown) => log.warn('sealed note purge failed', { error: String(error) }),
    );
  };
  return {
    start() {
      purge();
      timer = setInterval(purge, DAY_MS / 4);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
