import type { z } from 'zod';
import { CHANNELS, MAX_PAYLOAD_BYTES } from '../../shared/ipc/contract';
import type { ChannelName } from '../../shared/ipc/channels';
import type { ChannelOutput, ChannelParsedInput, Role } from '../../shared/ipc/contract';
import { DeskbookError, err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { Logger } from '../../shared/log';

/** Who sent a call: the frame's URL and whether it is the window's top frame. */
export interface SenderInfo {
  url: string;
  isTopFrame: boolean;
}

export interface CallContext {
  sender: SenderInfo;
  role: Role;
}

/** One handler per channel; typed from the contract so a missing or mistyped one won't compile. */
export type Handlers = {
  [C in ChannelName]: (
    input: ChannelParsedInput<C>,
    ctx: CallContext,
  ) => Promise<z.input<(typeof CHANNELS)[C]['output']>> | z.input<(typeof CHANNELS)[C]['output']>;
};

export interface RouterOptions {
  handlers: Handlers;
  /** The only origin allowed to call, e.g. `app://deskbook` (or the dev host's loopback origin). */
  allowedOrigin: string;
  /** The signed-in user's role, read on every call so a policy change applies at once. */
  currentRole: () => Role;
  log: Logger;
}

export interface Router {
  dispatch(sender: SenderInfo | null, channel: unknown, payload: unknown): Promise<Result<unknown>>;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // `app://deskbook/...` has the opaque origin "null" in WHATWG URL; compare scheme + host.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** True only for the app's own top frame on the allowed origin. */
export function isTrustedSender(sender: SenderInfo | null, allowedOrigin: string): boolean {
  if (!sender || !sender.isTopFrame) return false;
  return originOf(sender.url) === allowedOrigin;
}

/** A UTF-16 surrogate with no partner: `\p{Cs}` in a `u` regex matches only those. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The payload's size as JSON, or why it cannot be taken as data: it does not serialize (a cycle,
 * a nesting deeper than the stack), or a text in it holds a lone surrogate, which is not Unicode
 * and which the handlers' `encodeURIComponent` and ticketing systems would choke on.
 */
function measurePayload(payload: unknown): { size: number } | { unreadable: string } {
  let text: string | undefined;
  try {
    text = JSON.stringify(payload);
  } catch {
    return { unreadable: '' };
  }
  if (text === undefined) return { size: 0 };
  // JSON.stringify writes a lone surrogate, and only a lone one, as a \udXXX escape: most calls
  // hold none, and only those that may are walked again to name the field.
  if (/\\u[dD][89a-fA-F]/.test(text)) {
    let broken: string | null = null;
    JSON.stringify(payload, (key, value: unknown) => {
      if (broken === null && ((typeof value === 'string' && LONE_SURROGATE.test(value)) || LONE_SURROGATE.test(key))) broken = key;
      return value;
    });
    if (broken !== null) return { unreadable: broken };
  }
  return { size: text.length };
}

function describeIssue(issue: z.core.$ZodIssue): { path: string; message: string } {
  const path = issue.path.map(String).join('.');
  return { path, message: path ? `${path}: ${issue.message}` : issue.message };
}

/**
 * The one place every IPC call goes through: sender check, size limit, role check, input parse,
 * handler, output check. It never throws: every failure is a typed Result, and main keeps serving.
 */
export function createRouter(options: RouterOptions): Router {
  const { handlers, allowedOrigin, currentRole, log } = options;
  return {
    async dispatch(sender, channel, payload) {
      if (!isTrustedSender(sender, allowedOrigin)) {
        log.warn('ipc call refused: untrusted sender', { channel: String(channel), url: sender?.url ?? null });
        return err('FORBIDDEN', 'This call did not come from the Deskbook window and was refused.');
      }
      if (typeof channel !== 'string' || !Object.hasOwn(CHANNELS, channel)) {
        return err('UNKNOWN_CHANNEL', `There is no channel named ${JSON.stringify(String(channel)).slice(0, 80)}.`);
      }
      const name = channel as ChannelName;
      const measured = measurePayload(payload);
      if ('unreadable' in measured) {
        const field = measured.unreadable;
        return field === ''
          ? err('BAD_INPUT', `${name}: the request could not be read as data.`)
          : err('BAD_INPUT', `${name}: ${JSON.stringify(field.slice(0, 40))} holds a broken character (half of a surrogate pair); retype or paste it again.`, field);
      }
      const { size } = measured;
      if (size > MAX_PAYLOAD_BYTES) {
        return err('PAYLOAD_TOO_LARGE', `${name}: the request is ${size} bytes; the limit is ${MAX_PAYLOAD_BYTES}.`);
      }
      const spec: { input: z.ZodType; output: z.ZodType; roles?: readonly Role[] } = CHANNELS[name];
      const role = currentRole();
      if (spec.roles && !spec.roles.includes(role)) {
        log.warn('ipc call refused: role', { channel: name, role });
        return err('FORBIDDEN', `${name}: a ${role} may not do this; it needs the role ${spec.roles.join(' or ')}.`);
      }
      const parsed = spec.input.safeParse(payload);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const { path, message } = first ? describeIssue(first) : { path: '', message: 'invalid input' };
        return err('BAD_INPUT', `${name}: ${message}`, path || undefined);
      }
      let value: unknown;
      try {
        const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
        value = await handler(parsed.data, { sender: sender as SenderInfo, role });
      } catch (cause) {
        if (cause instanceof DeskbookError) return err(cause.code, cause.message, cause.path);
        log.error('ipc handler failed', { channel: name, error: String(cause) });
        return err('INTERNAL', `${name}: something went wrong in Deskbook's background service.`);
      }
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error('ipc handler returned a malformed value', { channel: name, issues: checked.error.issues.length });
        return err('BAD_OUTPUT', `${name}: the background service returned malformed data.`);
      }
      return ok(checked.data as ChannelOutput<ChannelName>);
    },
  };
}
