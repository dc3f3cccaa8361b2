import type { Connector, ReviewConnector } from './connector';

/**
 * A connector for tests that exercise only its review capability: the delivery methods answer
 * as a system with nothing to deliver would. Not a mock of HTTP: `review` is the test's own
 * in-memory implementation.
 */
export function reviewOnlyConnector(review: ReviewConnector, kind = 'memory'): Connector {
  return {
    kind,
    review,
    probe: async () => ({ ok: true, detail: '' }),
    create: async () => ({ kind: 'failed', message: 'unused' }),
    findByRequestId: async () => null,
    addInternalNote: async () => {},
    ensureSealedNotes: async () => {},
  };
}
