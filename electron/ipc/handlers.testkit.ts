import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import type { Handlers } from './router';

/**
 * Handlers for router tests: every channel answers with an error unless the test overrides it,
 * so a test states only the channels it exercises.
 */
export function testHandlers(overrides: Partial<Handlers>): Handlers {
  const unused = () => {
    throw new Error('this channel is not part of the test');
  };
  return { ...Object.fromEntries(CHANNEL_NAMES.map((c) => [c, unused])), ...overrides } as Handlers;
}
