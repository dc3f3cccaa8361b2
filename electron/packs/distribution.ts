import { z } from 'zod';
import type { Logger } from '../../shared/log';
import type { LintOptions } from '../../shared/sop/lint-types';
import type { PackStatus } from '../../shared/ipc/packs';
import type { SopPack } from '../../shared/sop/schema';
import { DEFAULT_MAX_PACK_BYTES, downloadPackFile } from './download';
import type { PackFetch } from './download';
import type { PackStore } from './file-store';
import { briefProblems, parsePackText } from './parse-pack';
import { compareSemver } from '../../shared/sop/semver';
import { parsePublicKey, verifySignedPack } from './signed-pack';

export type { PackStatus } from '../../shared/ipc/packs';

export interface PackSnapshot {
  pack: SopPack | null;
  status: PackStatus;
}

/** From policy: where the signed pack is published and the key it must be signed with. */
export interface PackDistributionConfig {
  url: string;
  /** Base64 of the raw Ed25519 key, or a PEM SPKI block (`SopPackPublicKey`). */
  publicKey: string;
}

export interface PackDistributionOptions {
  fetch: PackFetch;
  store: PackStore;
  now: () => Date;
  log: Logger;
  /** Null when the district has not set a pack address and key: nothing is fetched or used. */
  config: PackDistributionConfig | null;
  /** Between checks. Default 4 hours. */
  intervalMs?: number;
  /** Until the next check after the server could not be reached. Default 15 minutes. */
  retryIntervalMs?: number;
  /** Download cap. Default 5 MB. */
  maxBytes?: number;
  /** Per download, headers and body. Default 30 s. */
  timeoutMs?: number;
  /** Builds the download deadline. Default `AbortSignal.timeout`. */
  timeoutSignal?: (ms: number) => AbortSignal;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** The district's link hosts, as every other pack gate uses them. */
  lintOptions?: LintOptions;
}

export interface PackDistribution {
  /** Loads the saved copy (re-verified), then checks the server in the background and on a timer. */
  start(): Promise<void>;
  stop(): void;
  /** Checks the server now (concurrent calls share one check) and returns the new status. */
  refresh(): Promise<PackStatus>;
  current(): PackSnapshot;
  /** Called with the new snapshot whenever the pack or the status changes. Returns an unsubscribe. */
  onChange(listener: (snapshot: PackSnapshot) => void): () => void;
}

export const DEFAULT_PACK_INTERVAL_MS = 4 * 60 * 60 * 1000;
export const DEFAULT_PACK_RETRY_MS = 15 * 60 * 1000;
const DEFAULT_TIMEOUT_MS = 30_000;

/** What the store holds: the signed file exactly as downloaded, and when it was last good. */
const CACHE_FORMAT = 'deskbook-pack-cache/1';
const cacheRecordSchema = z.object({ format: z.literal(CACHE_FORMAT), acceptedAt: z.string(), envelope: z.string() });

interface InUse {
  pack: SopPack;
  payloadText: string;
  envelopeText: string;
  acceptedAt: string;
}

const UNCONFIGURED: PackStatus = { state: 'unconfigured', version: null, checkedAt: null, lastGoodAt: null, reason: null };

/**
 * The district's own SOP pack, fetched from its address and trusted only as far as its
 * signature. The rules, each kept here and nowhere else:
 * - a file is used only if it verifies against the policy's public key and passes the same
 *   schema and lint gate as any imported pack;
 * - a file is used only if its version is higher than the pack in use: an older one is refused
 *   (someone replaying a pack the district replaced), and so is the same version with other
 *   bytes (a changed pack must get a new version, or two desks would run different steps
 *   under one number);
 * - every refusal keeps the last good pack in use, and says why;
 * - the saved copy is re-verified with the current key on every start, because a local user can
 *   edit their own files: a copy that no longer verifies is not used.
 */
export function createPackDistribution(options: PackDistributionOptions): PackDistribution {
  const { store, log, config } = options;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const timeoutSignal = options.timeoutSignal ?? ((ms: number) => AbortSignal.timeout(ms));
  const key = config ? parsePublicKey(config.publicKey) : null;
  const listeners = new Set<(snapshot: PackSnapshot) => void>();

  let inUse: InUse | null = null;
  let status: PackStatus = config
    ? { ...UNCONFIGURED, state: 'unreachable', reason: 'the district pack has not been downloaded yet' }
    : UNCONFIGURED;
  let loading: Promise<void> | null = null;
  let inflight: Promise<PackStatus> | null = null;
  let controller: AbortController | null = null;
  let timer: unknown = null;
  let running = false;

  const snapshot = (): PackSnapshot => ({ pack: inUse?.pack ?? null, status });

  const publish = (next: Omit<PackStatus, 'version' | 'lastGoodAt'>) => {
    const before = JSON.stringify(snapshot().status);
    const packBefore = inUse?.pack ?? null;
    status = { ...next, version: inUse?.pack.version ?? null, lastGoodAt: inUse?.acceptedAt ?? null };
    if (JSON.stringify(status) === before && (inUse?.pack ?? null) === packBefore) return;
    for (const listener of listeners) {
      try {
        listener(snapshot());
      } catch (error) {
        log.error('packs: a status listener threw', { error });
      }
    }
  };

  const save = async (record: InUse) => {
    const text = JSON.stringify({ format: CACHE_FORMAT, acceptedAt: record.acceptedAt, envelope: record.envelopeText });
    try {
      await store.write(text);
    } catch (error) {
      // The pack is still used this session; the next start falls back to the older copy.
      log.warn('packs: the pack could not be saved for offline use', { error });
    }
  };

  const loadSaved = async (): Promise<void> => {
    if (!config) return;
    if (!key?.ok) {
      publish({ state: 'refused', checkedAt: null, reason: `the SopPackPublicKey policy cannot be used: ${key?.reason ?? 'no key'}` });
      return;
    }
    let text: string | null;
    try {
      text = await store.read();
    } catch (error) {
      log.warn('packs: the saved pack could not be read', { error });
      return;
    }
    if (text === null) return;
    const notUsed = (why: string) => {
      log.warn('packs: the saved pack is not used', { reason: why });
      publish({ state: 'refused', checkedAt: null, reason: `the copy of the district pack saved on this computer is not used: ${why}` });
    };
    let record: z.output<typeof cacheRecordSchema>;
    try {
      const parsed = cacheRecordSchema.safeParse(JSON.parse(text));
      if (!parsed.success) return notUsed('the file is damaged');
      record = parsed.data;
    } catch {
      return notUsed('the file is damaged');
    }
    const verified = verifySignedPack(record.envelope, key.key);
    if (!verified.ok) return notUsed(verified.reason);
    const read = parsePackText(verified.payloadText, options.lintOptions);
    if (!read.ok) return notUsed(`it no longer passes the pack checks: ${briefProblems(read.problems)}`);
    inUse = { pack: read.pack, payloadText: verified.payloadText, envelopeText: record.envelope, acceptedAt: record.acceptedAt };
    publish({ state: 'ok', checkedAt: null, reason: null });
  };

  const ensureLoaded = () => (loading ??= loadSaved());

  /** The one check: download, verify, gate, compare with the pack in use, then use or refuse. */
  const check = async (): Promise<PackStatus> => {
    await ensureLoaded();
    if (!config || !key?.ok) return status;
    const checkedAt = options.now().toISOString();
    const refuse = (state: 'refused' | 'unreachable', reason: string) => {
      log.warn(state === 'refused' ? 'packs: the downloaded pack was refused' : 'packs: the pack server could not be reached', { reason });
      publish({ state, checkedAt, reason });
      return status;
    };

    const abort = new AbortController();
    controller = abort;
    const deadline = timeoutSignal(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const onDeadline = () => abort.abort(deadline.reason);
    if (deadline.aborted) onDeadline();
    else deadline.addEventListener('abort', onDeadline, { once: true });
    let downloaded;
    try {
      downloaded = await downloadPackFile(config.url, { fetch: options.fetch, maxBytes: options.maxBytes ?? DEFAULT_MAX_PACK_BYTES, signal: abort.signal });
    } finally {
      deadline.removeEventListener('abort', onDeadline);
      if (controller === abort) controller = null;
    }
    if (!downloaded.ok) return refuse(downloaded.kind, downloaded.reason);

    const verified = verifySignedPack(downloaded.text, key.key);
    if (!verified.ok) return refuse('refused', verified.reason);

    if (inUse && verified.payloadText === inUse.payloadText) {
      inUse = { ...inUse, acceptedAt: checkedAt };
      await save(inUse);
      publish({ state: 'ok', checkedAt, reason: null });
      return status;
    }

    const read = parsePackText(verified.payloadText, options.lintOptions);
    if (!read.ok) {
      const count = read.problems.length;
      return refuse('refused', `the pack has ${count} problem${count === 1 ? '' : 's'}: ${briefProblems(read.problems)}`);
    }
    const next = read.pack.version;
    if (inUse) {
      const current = inUse.pack.version;
      const order = compareSemver(next, current);
      if (order === null) return refuse('refused', `version ${next} cannot be compared with version ${current} in use`);
      if (order < 0) {
        return refuse('refused', `version ${next} is older than version ${current} in use; an older pack is refused, since it may be a replay of a pack the district replaced`);
      }
      if (order === 0) {
        return refuse('refused', `version ${next} is the version in use, but its content differs; a changed pack must be given a higher version`);
      }
    }
    inUse = { pack: read.pack, payloadText: verified.payloadText, envelopeText: downloaded.text, acceptedAt: checkedAt };
    await save(inUse);
    log.info('packs: using the district pack', { packId: read.pack.id, version: next, warnings: read.warnings.length });
    publish({ state: 'ok', checkedAt, reason: null });
    return status;
  };

  const refresh = (): Promise<PackStatus> => {
    inflight ??= check()
      .catch((error: unknown) => {
        // Nothing above is expected to throw; if something does, the pack in use stays.
        log.error('packs: the check failed unexpectedly', { error });
        publish({ state: 'unreachable', checkedAt: options.now().toISOString(), reason: 'the check failed unexpectedly; see the log' });
        return status;
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };

  const schedule = () => {
    if (!running || !config || !key?.ok) return;
    const ms = status.state === 'unreachable' ? (options.retryIntervalMs ?? DEFAULT_PACK_RETRY_MS) : (options.intervalMs ?? DEFAULT_PACK_INTERVAL_MS);
    timer = setTimer(() => {
      timer = null;
      void refresh().finally(schedule);
    }, ms);
  };

  return {
    async start() {
      if (running) return ensureLoaded();
      running = true;
      await ensureLoaded();
      if (running) void refresh().finally(schedule);
    },
    stop() {
      running = false;
      if (timer !== null) clearTimer(timer);
      timer = null;
      controller?.abort(new Error('stopped'));
    },
    refresh,
    current: snapshot,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
