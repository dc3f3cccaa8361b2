import type { NetStatus } from '../../shared/ipc/contract';

/** What a connector's probe says about the ticketing endpoint. */
export interface ProbeOutcome {
  reachable: boolean;
  detail: string;
}

export interface NetMonitorOptions {
  /** The configured connector's probe, or null when no ticketing endpoint is set. */
  probe: () => (() => Promise<ProbeOutcome>) | null;
  now: () => Date;
  /** Called whenever the state or its detail changes. */
  onChange: (status: NetStatus) => void;
  /** How often to probe, in ms: sooner while offline, so sync starts soon after a reconnect. */
  intervalOnlineMs?: number;
  intervalOfflineMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface NetMonitor {
  current(): NetStatus;
  /** Probes now (coalescing concurrent calls) and returns the fresh status. */
  check(): Promise<NetStatus>;
  start(): void;
  stop(): void;
}

const UNCONFIGURED: NetStatus = {
  state: 'unconfigured',
  detail: 'No ticketing system is configured yet. Tickets wait in the outbox until one is set in Settings.',
  checkedAt: null,
};

/**
 * Reachability of the ticketing endpoint, probed from main (navigator.onLine only says a network
 * interface is up, not that the district's server answers). Pushes changes, not every probe.
 */
export function createNetMonitor(options: NetMonitorOptions): NetMonitor {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let status: NetStatus = UNCONFIGURED;
  let inflight: Promise<NetStatus> | null = null;
  let timer: unknown = null;
  let running = false;

  const publish = (next: NetStatus) => {
    const changed = next.state !== status.state || next.detail !== status.detail;
    status = next;
    if (changed) options.onChange(next);
  };

  const probeOnce = async (): Promise<NetStatus> => {
    let outcome: ProbeOutcome;
    try {
      // Building the probe builds the connector, which refuses settings it cannot use: that is
      // an unreachable endpoint with its reason, never a rejection nobody awaits.
      const probe = options.probe();
      if (!probe) {
        publish(UNCONFIGURED);
        return status;
      }
      outcome = await probe();
    } catch (cause) {
      outcome = { reachable: false, detail: `The ticketing system could not be reached (${String(cause)}).` };
    }
    publish({
      state: outcome.reachable ? 'online' : 'offline',
      detail: outcome.detail,
      checkedAt: options.now().toISOString(),
    });
    return status;
  };

  const schedule = () => {
    if (!running) return;
    const ms = status.state === 'online' ? (options.intervalOnlineMs ?? 60_000) : (options.intervalOfflineMs ?? 15_000);
    timer = setTimer(() => {
      void check().finally(schedule);
    }, ms);
  };

  const check = (): Promise<NetStatus> => {
    inflight ??= probeOnce().finally(() => {
      inflight = null;
    });
    return inflight;
  };

  return {
    current: () => status,
    check,
    start() {
      if (running) return;
      running = true;
      void check().finally(schedule);
    },
    stop() {
      running = false;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
