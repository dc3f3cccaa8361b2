import type { ChannelName } from '../../../shared/ipc/channels';
import type { Handlers } from '../../ipc/router';

/**
 * The handlers of one domain (`settings:*`, `vault:*`, …). Each domain's map is made by its own
 * function from the services it needs; the composition root spreads them into one object that
 * `satisfies Handlers`, so a channel without a handler, or with two, does not compile.
 */
export type DomainHandlers<D extends string> = Pick<Handlers, Extract<ChannelName, `${D}:${string}`>>;
