import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/log';
import type { LogEntry } from '../../shared/log';
import { createDevEncryptor } from './encryptor';
import { createPurgeSchedule } from './purge';
import { createVault } from './vault';
import type { Vault } from './vault';

// The schedule calls setInterval itself, so only the interval timers are faked; the vault under
// it is a real one on a temp folder, and the log is the real logger writing into an array.

const DAY_MS = 86_400_000;
const deliveredAt = new Date('2026-11-01T12:00:00Z');
const later = new Date(deliveredAt.getTime() + 10 * DAY_MS);

let root: string;
let entries: LogEntry[];
let purges: Promise<number>[];
let schedules: ReturnType<typeof createPurgeSchedule>[];

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  root = await mkdtemp(path.join(os.tmpdir(), 'deskbook-purge-'));
  entries = [];
  purges = [];
  schedules = [];
});
afterEach(() => {
  for (const s of schedules) s.stop();
  vi.useRealTimers();
  rmSync(root, { recursive: true, force: true });
});

const log = () => createLogger('vault', (entry) => entries.push(entry), { now: () => later });
/** A schedule over `vault` that the test's cleanup stops. */
function scheduleFor(vault: Vault, retentionDays: () => number): ReturnType<typeof createPurgeSchedule> {
  const schedule = createPurgeSchedule(vault, retentionDays, () => later, log());
  schedules.push(schedule);
  return schedule;
}
const messages = () => entries.map((e) => [e.level, e.message, e.fields]);

/** The real vault, with each purge's promise kept so a test can wait for the purges it started. */
function recording(vault: Vault): Vault {
  return {
    ...vault,
    purge: (now, days) => {
      const run = vault.purge(now, days);
      purges.push(run);
      return run;
    },
  };
}

/** Waits for every purge started so far, and for the schedule's logging after each. */
const settled = async () => {
  await Promise.allSettled(purges);
};

async function vaultWithDeliveredNote(): Promise<{ vault: Vault; handle: string }> {
  const vault = createVault(path.join(root, 'vault'), createDevEncryptor(root), () => deliveredAt);
  const { handle } = await vault.seal('HAC login', 'Delivered-Long-Ago-1');
  await vault.markDelivered([handle], deliveredAt);
  return { vault: recording(vault), handle };
}

describe('the purge schedule', () => {
  it('purges at once on start, logging how many notes went', async () => {
    const { vault, handle } = await vaultWithDeliveredNote();
    scheduleFor(vault, () => 7).start();
    expect(purges).toHaveLength(1);
    await settled();
    await expect(vault.open(handle)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(messages()).toEqual([['info', 'sealed notes purged after retention', { count: 1 }]]);
  });

  it('logs nothing when there was nothing to purge', async () => {
    const { vault, handle } = await vaultWithDeliveredNote();
    scheduleFor(vault, () => 30).start();
    await settled();
    await expect(vault.open(handle)).resolves.toMatchObject({ plaintext: 'Delivered-Long-Ago-1' });
    expect(entries).toEqual([]);
  });

  it('purges again every six hours, with the retention read at each run', async () => {
    const { vault, handle } = await vaultWithDeliveredNote();
    let retentionDays = 30;
    scheduleFor(vault, () => retentionDays).start();
    await settled();
    retentionDays = 7;
    vi.advanceTimersByTime(DAY_MS / 4 - 1);
    expect(purges).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(purges).toHaveLength(2);
    await settled();
    await expect(vault.open(handle)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    vi.advanceTimersByTime(3 * (DAY_MS / 4));
    expect(purges).toHaveLength(5);
    await settled();
  });

  it('stops purging once stopped', async () => {
    const { vault } = await vaultWithDeliveredNote();
    const schedule = scheduleFor(vault, () => 30);
    schedule.start();
    schedule.stop();
    vi.advanceTimersByTime(DAY_MS);
    expect(purges).toHaveLength(1);
    await settled();
  });

  it('logs a failed purge as a warning with the reason, and tries again at the next run', async () => {
    const vaultDir = path.join(root, 'vault');
    mkdirSync(vaultDir);
    writeFileSync(path.join(vaultDir, 'index.json'), 'not json');
    const vault = recording(createVault(vaultDir, createDevEncryptor(root)));
    const schedule = scheduleFor(vault, () => 7);
    schedule.start();
    await settled();
    const warning = [
      'warn',
      'sealed note purge failed',
      { error: "DeskbookError: The vault's index is not in a format this version understands; it was left untouched." },
    ];
    expect(messages()).toEqual([warning]);
    vi.advanceTimersByTime(DAY_MS / 4);
    await settled();
    expect(messages()).toEqual([warning, warning]);
  });
});
