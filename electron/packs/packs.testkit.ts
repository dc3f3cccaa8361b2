import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../shared/log';
import type { LogEntry } from '../../shared/log';
import type { PackStore } from './file-store';
import { publicKeyBase64 } from './signed-pack';

/** A real, lint-clean pack shipped with the app (version 1.1.0), as the district's payload. */
export const PACK_TEXT = readFileSync(fileURLToPath(new URL('../../shared/sop/packs/ic-household.yaml', import.meta.url)), 'utf8');

/** The same pack with its top-level version line changed (SOP versions inside are left alone). */
export function packWithVersion(version: string, text: string = PACK_TEXT): string {
  return text.replace(/^version: .*$/m, `version: ${version}`);
}

/** A district key pair, with the public key as the policy would carry it. */
export function districtKeys() {
  const pair = generateKeyPairSync('ed25519');
  return { ...pair, policyKey: publicKeyBase64(pair.publicKey) };
}

/** A store in memory that counts writes. */
export function memoryStore(initial: string | null = null): PackStore & { text: string | null; writes: number } {
  const store = {
    text: initial,
    writes: 0,
    read: async () => store.text,
    write: async (text: string) => {
      store.text = text;
      store.writes += 1;
    },
  };
  return store;
}

/** Timers the test fires by hand: nothing waits on a real clock. */
export function manualScheduler() {
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    timers,
    setTimer: (fn: () => void, ms: number) => {
      const id = next;
      next += 1;
      timers.set(id, { fn, ms });
      return id;
    },
    clearTimer: (handle: unknown) => {
      if (typeof handle === 'number') timers.delete(handle);
    },
    /** The delays of the timers pending now. */
    pending: () => [...timers.values()].map((t) => t.ms),
    /** Runs every pending timer once. */
    fireAll: () => {
      const due = [...timers.entries()];
      for (const [id] of due) timers.delete(id);
      for (const [, t] of due) t.fn();
    },
  };
}

/** A logger whose entries the test can read. */
export function recordingLog() {
  const entries: LogEntry[] = [];
  return { entries, log: createLogger('packs', (entry) => entries.push(entry)) };
}
