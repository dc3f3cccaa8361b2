import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../shared/log';
import { createFileLogSink } from './file-sink';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (n: number): LogEntry => ({ at: '2026-12-01T00:00:00.000Z', level: 'info', scope: 't', message: `event ${n}`, fields: { pad: 'x'.repeat(80) } });

describe('the log file', () => {
  it('rotates by size and keeps a bounded number of files, newest entries in deskbook.log', () => {
    const sink = createFileLogSink(dir, { maxBytes: 1_000, keep: 2 });
    for (let n = 0; n < 60; n += 1) sink(entry(n));
    expect(readdirSync(dir).sort()).toEqual(['deskbook.1.log', 'deskbook.2.log', 'deskbook.log']);
    for (const name of readdirSync(dir)) expect(statSync(path.join(dir, name)).size).toBeLessThanOrEqual(1_000);
    expect(readFileSync(path.join(dir, 'deskbook.log'), 'utf8')).toContain('event 59');
    expect(readFileSync(path.join(dir, 'deskbook.2.log'), 'utf8')).not.toContain('event 0"');
  });

  it('continues the size count of a file left by an earlier run', () => {
    createFileLogSink(dir, { maxBytes: 1_000 })(entry(1));
    const again = createFileLogSink(dir, { maxBytes: 1_000 });
    for (let n = 0; n < 9; n += 1) again(entry(n));
    expect(existsSync(path.join(dir, 'deskbook.1.log'))).toBe(true);
  });
});
