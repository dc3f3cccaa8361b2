import { create } from 'zustand';
import { db, relaxedDb } from '../db/db';
import { deskbook } from '../ipc/client';
import { RESULTS_LINGER_MS, createOutboxPump } from './pump';
import type { OutboxPump } from './pump';
import { resumePaused } from './store';

let pump: OutboxPump | null = null;

/**
 * The server's rate-limit hold on the whole queue, as this window's pump last reported it: when
 * it ends (ms), or null. The queue screen reads it with `useOutboxHold((s) => s.until)`.
 */
export const useOutboxHold = create<{ until: number | null }>(() => ({ until: null }));
const setHold = (until: number | null) => useOutboxHold.setState({ until });

/**
 * Entries this window's pump has delivered since the app started, of every kind (escalations,
 * call logs, decisions): what the queue screen's "Sent 1,200 of 10,000" counts.
 */
export const useOutboxDelivered = create<{ delivered: number }>(() => ({ delivered: 0 }));
const addDelivered = (n: number) => {
  if (n > 0) useOutboxDelivered.setState((s) => ({ delivered: s.delivered + n }));
};

/** What the shell tells the outbox about connectivity (the outbox reads no app state itself). */
export interface OutboxConnectivity {
  /** Main's reachability probe says the ticketing system answers. */
  isOnline: () => boolean;
  /**
   * Calls `kick` whenever delivering may work again (the probe turned online, the browser's
   * `online` event); returns how to stop watching.
   */
  watchReconnects: (kick: () => void) => () => void;
}

/**
 * Starts this window's outbox pump over the app's database, delivering the kinds registered so
 * far (see kinds.ts). Only the window holding the Web Lock delivers; another window (a second
 * tab of the dev host) waits and takes over if the first one closes. Returns how to stop it.
 */
export function startOutbox(connectivity: OutboxConnectivity): () => void {
  const instance = createOutboxPump({
    db: db(),
    resultsDb: relaxedDb(),
    resultsLingerMs: RESULTS_LINGER_MS,
    ipc: deskbook(),
    now: () => Date.now(),
    random: Math.random,
    newId: () => crypto.randomUUID(),
    isOnline: connectivity.isOnline,
    withLock: async (fn) => {
      await navigator.locks.request('deskbook-outbox-pump', () => fn());
    },
    onHold: setHold,
    onProgress: addDelivered,
  });
  pump = instance;
  // A sign-in pause is checked again once per start: the token may have been stored since (a
  // reload right after Settings, another window). Still refused, the entry pauses again.
  void resumePaused(db(), Date.now())
    .catch(() => 0)
    .then(() => instance.start());
  const unwatch = connectivity.watchReconnects(() => instance.kick());
  return () => {
    unwatch();
    instance.stop();
    if (pump === instance) {
      pump = null;
      setHold(null);
    }
  };
}

/** A trigger: something was queued. */
export function kickOutbox(): void {
  pump?.kick();
}

/** The analyst asked to send now ("Retry now", "Send now"): a kick that also sends one ticket through a rate-limit hold. */
export function retryOutbox(): void {
  pump?.retryNow();
}

/** After a new sign-in: paused entries go back in line and the pump runs. */
export async function resumeOutbox(): Promise<void> {
  await resumePaused(db(), Date.now());
  kickOutbox();
}
