import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { REDACTED } from './sanitize';
import type { LogEntry } from './types';

const FIXED = new Date('2025-03-04T05:06:07.000Z');

function capture(options: Parameters<typeof createLogger>[2] = {}): { entries: LogEntry[]; log: ReturnType<typeof createLogger> } {
  const entries: LogEntry[] = [];
  const log = createLogger('outbox', (entry) => entries.push(entry), { now: () => FIXED, ...options });
  return { entries, log };
}

describe('createLogger', () => {
  it('writes level, scope, message, fields and the injected time', () => {
    const { entries, log } = capture();
    log.info('queued', { attempt: 2 });
    expect(entries).toEqual([
      { level: 'info', scope: 'outbox', message: 'queued', fields: { attempt: 2 }, at: '2025-03-04T05:06:07.000Z' },
    ]);
  });

  it('gives every level its own method and an empty fields object by default', () => {
    const { entries, log } = capture();
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(entries.map((e) => [e.level, e.fields])).toEqual([
      ['debug', {}],
      ['info', {}],
      ['warn', {}],
      ['error', {}],
    ]);
  });

  it('drops entries below minLevel', () => {
    const { entries, log } = capture({ minLevel: 'warn' });
    log.info('quiet');
    log.warn('loud');
    expect(entries.map((e) => e.message)).toEqual(['loud']);
  });

  it('redacts credential and student-data fields at any depth', () => {
    const { entries, log } = capture();
    log.info('draft', {
      ticket: { studentName: 'Ana Ruiz', studentNumber: 2024001234, callbackPhone: '555-0100', sopId: 'hac-login' },
      headers: { Authorization: 'Bearer abc', 'X-Api-Key': 'k' },
      sealedNote: { handle: 'h1' },
      password: 'Tr0ub4dor&3',
      list: [{ email: 'mom@example.org', dob: '2010-04-05', address: '1 Main St' }],
    });
    expect(entries[0]?.fields).toEqual({
      ticket: { studentName: REDACTED, studentNumber: REDACTED, callbackPhone: REDACTED, sopId: 'hac-login' },
      headers: { Authorization: REDACTED, 'X-Api-Key': REDACTED },
      sealedNote: REDACTED,
      password: REDACTED,
      list: [{ email: REDACTED, dob: REDACTED, address: REDACTED }],
    });
  });

  it('redacts secrets inside the message and inside innocently named string fields', () => {
    const { entries, log } = capture();
    log.warn('parent said the password is Tr0ub4dor&3', { note: 'la clave es gato99', body: 'pw: hunter2' });
    expect(entries[0]?.message).toBe(`parent said the password is ${REDACTED}`);
    expect(entries[0]?.fields).toEqual({ note: `la clave es ${REDACTED}`, body: `pw: ${REDACTED}` });
  });

  it('redacts values sealed so far, read at each call', () => {
    const sealed: string[] = [];
    const { entries, log } = capture({ sealedValues: () => sealed });
    log.info('before', { text: 'canary sunflower' });
    sealed.push('sunflower');
    log.info('after', { text: 'canary sunflower' });
    expect(entries.map((e) => e.fields['text'])).toEqual(['canary sunflower', `canary ${REDACTED}`]);
  });

  it('truncates long strings in the message and fields', () => {
    const { entries, log } = capture({ maxStringLength: 10 });
    log.info('m'.repeat(15), { s: 's'.repeat(12) });
    expect(entries[0]?.message).toBe(`${'m'.repeat(10)}\u2026[+5 chars]`);
    expect(entries[0]?.fields['s']).toBe(`${'s'.repeat(10)}\u2026[+2 chars]`);
  });

  it('does not throw on cyclic fields', () => {
    const { entries, log } = capture();
    const run: Record<string, unknown> = { id: 'r1' };
    run['parent'] = { child: run };
    expect(() => log.error('cycle', { run })).not.toThrow();
    expect(entries[0]?.fields).toEqual({ run: { id: 'r1', parent: { child: '[circular]' } } });
  });

  it('does not throw when the sink, the clock or the sealed-value source throws', () => {
    const throwing = createLogger(
      's',
      () => {
        throw new Error('disk full');
      },
      {
        now: () => {
          throw new Error('clock');
        },
      },
    );
    expect(() => throwing.info('x')).not.toThrow();
    const { entries, log } = capture({
      now: () => new Date(Number.NaN),
      sealedValues: () => {
        throw new Error('vault');
      },
    });
    log.info('still logged');
    expect(entries[0]).toMatchObject({ message: 'still logged', at: 'invalid-date' });
  });

  it('produces entries that survive JSON round-trips unchanged', () => {
    const { entries, log } = capture();
    log.info('x', { when: new Date(0), tags: new Set(['a']), nested: { n: 1 } });
    expect(JSON.parse(JSON.stringify(entries[0]))).toEqual(entries[0]);
  });
});
