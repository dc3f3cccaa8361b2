import type { Result } from '../result';
import { CHANNEL_NAMES, EVENT_NAMES } from './channels';
import type { ChannelName, EventName } from './channels';
import type { ChannelInput, ChannelOutput, EventPayload } from './contract';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

type Method<C extends ChannelName> = undefined extends ChannelInput<C>
  ? (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
  : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

/**
 * `window.deskbook`: one named method per channel, grouped by domain (`deskbook.app.info()`),
 * and `on(event, listener)` for pushes. The preload object `satisfies` this type.
 */
export type DeskbookApi = {
  readonly [D in DomainOf<ChannelName>]: {
    readonly [V in VerbOf<ChannelName, D>]: Method<Extract<ChannelName, `${D}:${V}`>>;
  };
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

/** How a shell moves calls and pushes: Electron IPC, a Playwright binding, or HTTP to the dev host. */
export interface Transport {
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/**
 * Builds the API object from the channel names. Results arrive already shaped by main's router;
 * anything else (a dead transport, a thrown error) becomes an UNAVAILABLE result, never a throw.
 */
export function createDeskbookApi(transport: Transport): DeskbookApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNEL_NAMES) {
    const [domain, verb] = channel.split(':') as [string, string];
    const group = (api[domain] ??= {});
    group[verb] = async (input?: unknown) => {
      try {
        return await transport.invoke(channel, input);
      } catch (cause) {
        return {
          ok: false,
          error: { code: 'UNAVAILABLE', message: `Deskbook's background service did not answer (${String(cause)})` },
        };
      }
    };
  }
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  transport.subscribe((event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${event}`);
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };
  return Object.freeze({ ...api, on }) as unknown as DeskbookApi;
}
