import { useAppStore } from '../../app/store';
import { db, relaxedDb } from '../../db/db';
import { deskbook } from '../../ipc/client';
import { createOutboxPump, resumePaused } from './pump';
import type { OutboxPump } from './pump';

let pump: OutboxPump | null = null;

/**
 * Starts this window's outbox pump. Only the window holding the Web Lock delivers; another
 * window (a second tab of the dev host) waits and takes over if the first one closes.
 */
export function startOutbox(): () => void {
  const instance = createOutboxPump({
    db: db(),
    resultsDb: relaxedDb(),
    deliver: (request) => deskbook().sync.deliver(request),
    decide: (request) => deskbook().review.decide(request),
    resubmit: (request) => deskbook().sync.resubmit(request),
    now: () => Date.now(),
    random: Math.random,
    newId: () => crypto.randomUUID(),
    isOnline: () => useAppStore.getState().net?.state === 'online',
    withLock: async (fn) => {
      await navigator.locks.request('deskbook-outbox-pump', () => fn());
    },
  });
  pump = instance;
  void instance.start();
  const onOnline = () => {
    void deskbook()
      .net.check()
      .then((r) => {
        if (r.ok) useAppStore.getState().setNet(r.value);
        instance.kick();
      });
  };
  window.addEventListener('online', onOnline);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.net?.state === 'online' && previous.net?.state !== 'online') instance.kick();
  });
  return () => {
    window.removeEventListener('online', onOnline);
    unsubscribe();
    instance.stop();
    if (pump === instance) pump = null;
  };
}

/** A trigger: something was queued or the user asked to retry. */
export function kickOutbox(): void {
  pump?.kick();
}

/** After a new sign-in: paused entries go back in line and the pump runs. */
export async function resumeOutbox(): Promise<void> {
  await resumePaused(db(), Date.now());
  kickOutbox();
}
