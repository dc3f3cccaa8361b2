// Main's services in a process of their own (tests/bench/main-memory.ts forks it), so the
// resident memory measured is theirs alone: the real router and delivery service in Node,
// draining `count` escalations to the receiver at `url`. Run with --expose-gc.
import { makeEscalation } from '../support/escalation-fixture';
import { rolePolicy, startTestServices } from '../support/main-services';
import { CONCURRENCY, perSecond } from './drain';

const [url, countArg] = process.argv.slice(2);
const count = Number(countArg);
const gc = (globalThis as { gc?: () => void }).gc;
if (!url || !Number.isInteger(count) || !gc) throw new Error('usage: main-memory-process.ts <receiver url> <count>, with --expose-gc');

const rssMb = () => {
  gc();
  return process.memoryUsage().rss / 1e6;
};
const heapMb = () => process.memoryUsage().heapUsed / 1e6;

const main = await startTestServices({ adminPolicy: rolePolicy('supervisor') });
try {
  const settings = (await main.call('settings:update', { connector: { kind: 'webhook', url } })) as { ok: boolean };
  const token = (await main.call('settings:setToken', { token: 'bench-shared-secret' })) as { ok: boolean };
  if (!settings.ok || !token.ok) throw new Error('could not configure the webhook connector');
  const deliver = async (n: number) => {
    let sent = 0;
    await perSecond(n, CONCURRENCY, async () => {
      const escalation = makeEscalation({ sealedNotes: [] });
      const result = (await main.call('sync:deliver', { requestId: escalation.id, attemptId: crypto.randomUUID(), escalation, maybeDelivered: false })) as {
        ok: boolean;
        value?: { kind: string };
      };
      if (result.ok && result.value?.kind === 'sent') sent++;
    });
    return sent;
  };
  await deliver(100);
  const before = rssMb();
  const heapBefore = heapMb();
  const sent = await deliver(count);
  const after = rssMb();
  const heapAfter = heapMb();
  process.send?.({ before, after, heapBefore, heapAfter, sent, logLines: main.logs.length });
} finally {
  main.dispose();
}
