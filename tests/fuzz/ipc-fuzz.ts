import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CHANNELS, MAX_PAYLOAD_BYTES } from '../../shared/ipc/contract';
import type { ChannelName } from '../../shared/ipc/channels';
import type { Role } from '../../shared/ipc/roles';
import { ERROR_CODES } from '../../shared/result';
import { rolePolicy, startTestServices } from '../support/main-services';
import type { TestServices } from '../support/main-services';
import { fetchVia, startChaosServer } from './chaos-server';
import type { ChaosServer } from './chaos-server';
import { graft } from './graft';
import { mutate, mutationArbitrary } from './mutations';
import type { Mutation } from './mutations';
import { seedInputs } from './seeds';
import { arbitraryFor } from './zod-arbitrary';

/** One fuzzed IPC call: the channel, what was sent, and how it was made. */
export interface FuzzCall {
  channel: string;
  payload: unknown;
  role: Role;
  /** Absent: a valid input as generated; present: that input broken this way. */
  mutation?: Mutation;
}

export interface FuzzStats {
  calls: number;
  /** `dispatch` threw (or rejected) instead of answering with a Result: must stay 0. */
  throws: number;
  /** Calls that passed every gate of the router (channel, size, role, input schema): they ran a handler. */
  reached: number;
  byCode: Record<string, number>;
  /** Every broken property, with the call that broke it (the first few kept). */
  violations: string[];
  violationCount: number;
}

const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];
const STACK_TRACE = /\n\s+at \S|\bat .+\(.+:\d+:\d+\)|node:internal|file:\/\//;
const ERROR_CODE_SET = new Set<string>(ERROR_CODES);

/**
 * Calls on every channel: 65 % a valid input (generated from the channel's zod schema, grafted
 * onto a known-good example where the schema holds rules a generator cannot see), the rest that
 * input broken one way (mutations.ts); now and then an unknown channel. The role is the one the
 * call is made as (the fuzz runs a supervisor and an analyst side by side).
 */
export function callArbitrary(connectorUrl: string): Arbitrary<FuzzCall> {
  const seeds = seedInputs(connectorUrl);
  const valid = (channel: ChannelName): Arbitrary<unknown> => {
    const schema = CHANNELS[channel].input;
    const generated = arbitraryFor(schema);
    const known = seeds[channel] ?? [];
    if (known.length === 0) return generated;
    return fc
      .tuple(fc.constantFrom(...known), generated, fc.nat())
      .map(([seed, donor, order]) => graft(schema, seed, donor, order));
  };
  const byChannel = CHANNEL_NAMES.map((channel) =>
    fc.record({
      channel: fc.constant<string>(channel),
      payload: valid(channel),
      role: fc.constantFrom<Role>('supervisor', 'supervisor', 'analyst'),
      broken: fc.option(mutationArbitrary, { freq: 2, nil: undefined }),
    }),
  );
  const unknownChannel = fc.record({
    channel: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'app:info ', 'APP:INFO')),
    payload: fc.jsonValue({ maxDepth: 2 }),
    role: fc.constant<Role>('analyst'),
    broken: fc.constant(undefined),
  });
  return fc.oneof({ weight: 40, arbitrary: fc.oneof(...byChannel) }, { weight: 1, arbitrary: unknownChannel }).map(({ channel, payload, role, broken }) => {
    if (!broken) return { channel, payload, role };
    return { channel, payload: mutate(payload, broken.mutation, broken.pick), role, mutation: broken.mutation };
  });
}

/** True when the router lets the call through to its handler: the same gates, the same schemas. */
export function passesRouterGates(call: FuzzCall): boolean {
  if (!Object.hasOwn(CHANNELS, call.channel)) return false;
  const spec: { input: { safeParse(v: unknown): { success: boolean } }; roles?: readonly Role[] } = CHANNELS[call.channel as ChannelName];
  let size: number;
  try {
    size = call.payload === undefined ? 0 : (JSON.stringify(call.payload)?.length ?? 0);
  } catch {
    return false;
  }
  if (size > MAX_PAYLOAD_BYTES) return false;
  if (spec.roles && !spec.roles.includes(call.role)) return false;
  return spec.input.safeParse(call.payload).success;
}

/** What a fuzzed call must never get back, apart from the Result's shape. */
export interface Secrets {
  tokens: Set<string>;
  sealed: Set<string>;
}

const PROTOTYPE_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Function.prototype)]);

/**
 * Strings long and varied enough that finding one in an answer is a leak, not a coincidence:
 * fast-check likes to try words such as "constructor" as a token, and an answer that names a
 * channel or a setting called "constructor" is an echo, not a leak.
 */
function worthTracking(text: string): boolean {
  return text.length >= 12 && new Set(text).size >= 6 && /\d/.test(text) && !PROTOTYPE_NAMES.has(text);
}

/** The properties every answer must have; returns what is wrong with `result`, or null. */
export function checkAnswer(result: unknown, secrets: Secrets): string | null {
  if (typeof result !== 'object' || result === null || !('ok' in result)) return 'the answer is not a Result';
  const keys = Object.keys(result).sort().join(',');
  if (result.ok === true) {
    if (keys !== 'ok,value') return `a success carries the keys ${keys}`;
  } else if (result.ok === false) {
    if (keys !== 'error,ok') return `a failure carries the keys ${keys}`;
    const error = 'error' in result ? result.error : undefined;
    if (typeof error !== 'object' || error === null) return 'a failure without an error';
    const { code, message, path } = error as Record<string, unknown>;
    if (typeof code !== 'string' || !ERROR_CODE_SET.has(code)) return `the error code ${String(code)} is not in the closed set`;
    if (typeof message !== 'string' || message.trim() === '') return `a ${code} without words for the user`;
    if (path !== undefined && typeof path !== 'string') return `a ${code} whose path is not text`;
    if (Object.keys(error).some((key) => !['code', 'message', 'path'].includes(key))) return `a ${code} with extra keys`;
  } else return 'ok is neither true nor false';
  const text = JSON.stringify(result);
  if (STACK_TRACE.test(text)) return 'the answer carries a stack trace';
  // The fuzz's own secrets are printed: they are generated strings, and the case must be replayable.
  for (const token of secrets.tokens) if (text.includes(token)) return `the answer carries the connector token ${JSON.stringify(token)}`;
  for (const sealed of secrets.sealed) if (text.includes(sealed)) return `the answer carries a sealed value ${JSON.stringify(sealed)}`;
  return null;
}

/** Object.prototype's own keys now: a call that pollutes it adds one. */
export function prototypeKeys(): string {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',');
}

/** The V8 garbage collector, so heap figures compare live objects and not garbage. */
export function collectGarbage(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

export interface FuzzRig {
  chaos: ChaosServer;
  /** The same main-process composition, once as a supervisor and once as an analyst. */
  mains: Record<'supervisor' | 'analyst', TestServices>;
  secrets: Secrets;
  arbitrary: Arbitrary<FuzzCall>;
  dispose(): Promise<void>;
}

/** A fixed token set before the fuzz starts: any answer that carries it is a leak. */
export const FUZZ_TOKEN = 'fuzz-token-7Hq2-Zx9v-Lm4p';
const FUZZ_SEALED = 'Fuzz-Sealed-Pa55-9QzW';

/**
 * The real main-process services (as the e2e harness builds them) for a supervisor and an
 * analyst, both connected by webhook to a chaos server, each with a token set and a value sealed.
 */
export async function startFuzzRig(seed: number): Promise<FuzzRig> {
  const chaos = await startChaosServer(seed);
  const fetch = fetchVia(chaos);
  const settings = { connector: { kind: 'webhook' as const, url: `${chaos.url}/hooks` } };
  const mains = {
    supervisor: await startTestServices({ settings, fetch, adminPolicy: rolePolicy('supervisor', true) }),
    analyst: await startTestServices({ settings, fetch, adminPolicy: rolePolicy('analyst') }),
  };
  const secrets: Secrets = { tokens: new Set([FUZZ_TOKEN]), sealed: new Set([FUZZ_SEALED]) };
  for (const main of Object.values(mains)) {
    await main.call('settings:setToken', { token: FUZZ_TOKEN });
    await main.call('vault:seal', { label: 'Parent HAC password', plaintext: FUZZ_SEALED });
  }
  return {
    chaos,
    mains,
    secrets,
    arbitrary: callArbitrary(chaos.url),
    dispose: async () => {
      for (const main of Object.values(mains)) main.dispose();
      await chaos.close();
    },
  };
}

export function emptyStats(): FuzzStats {
  return { calls: 0, throws: 0, reached: 0, byCode: {}, violations: [], violationCount: 0 };
}

function describeCall(call: FuzzCall): string {
  let payload: string;
  try {
    payload = JSON.stringify(call.payload)?.slice(0, 300) ?? 'undefined';
  } catch {
    payload = '(too deep to print)';
  }
  return `${call.role} → ${JSON.stringify(call.channel)}${call.mutation ? ` (${call.mutation})` : ''}: ${payload}`;
}

function violation(stats: FuzzStats, what: string, call: FuzzCall): void {
  stats.violationCount += 1;
  if (stats.violations.length < 10) stats.violations.push(`${what} — ${describeCall(call)}`);
}

/** Sends `calls` through the router, `concurrency` at a time, and checks every answer. */
export async function runCalls(rig: FuzzRig, calls: readonly FuzzCall[], stats: FuzzStats, concurrency = 8): Promise<void> {
  const before = prototypeKeys();
  let next = 0;
  const worker = async () => {
    while (next < calls.length) {
      const call = calls[next++]!;
      stats.calls += 1;
      if (passesRouterGates(call)) stats.reached += 1;
      // What a valid call seals or sets becomes a secret too, from now on.
      if (!call.mutation && call.channel === 'settings:setToken') {
        const token = (call.payload as { token: string }).token;
        if (worthTracking(token)) rig.secrets.tokens.add(token);
      }
      if (!call.mutation && call.channel === 'vault:seal') {
        const plaintext = (call.payload as { plaintext: string }).plaintext;
        if (worthTracking(plaintext)) rig.secrets.sealed.add(plaintext);
      }
      let result: unknown;
      try {
        result = await rig.mains[call.role === 'supervisor' ? 'supervisor' : 'analyst'].call(call.channel, call.payload);
      } catch (cause) {
        stats.throws += 1;
        violation(stats, `dispatch threw ${String(cause).slice(0, 120)}`, call);
        continue;
      }
      const code = (result as { ok?: boolean; error?: { code?: string } }).ok ? 'ok' : String((result as { error?: { code?: string } }).error?.code);
      stats.byCode[code] = (stats.byCode[code] ?? 0) + 1;
      const wrong = checkAnswer(result, rig.secrets);
      if (wrong) violation(stats, wrong, call);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (prototypeKeys() !== before || ({} as Record<string, unknown>).polluted !== undefined) {
    stats.violationCount += 1;
    stats.violations.push('Object.prototype changed during the round');
  }
}

/** `count` calls from the rig's arbitrary, reproducible from `seed`. */
export function sampleCalls(rig: FuzzRig, count: number, seed: number): FuzzCall[] {
  return fc.sample(rig.arbitrary, { numRuns: count, seed });
}
