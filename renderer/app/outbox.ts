import { callLogKind } from '../features/call-log';
import { escalationKind, resubmitKind } from '../features/escalation';
import { decisionKind } from '../features/review';
import { deskbook } from '../ipc/client';
import { registerDeliveryKinds } from '../outbox/kinds';
import { startOutbox } from '../outbox/runtime';
import { useAppStore } from '../state/store';

/**
 * Starts the outbox with every delivery kind registered (each feature owns its kind), fed by
 * the shell's connectivity state: main's probe decides "online"; a probe turning online, or the
 * browser's `online` event (checked with main's probe first: navigator.onLine alone lies), kicks it.
 */
export function startAppOutbox(): () => void {
  registerDeliveryKinds(escalationKind, resubmitKind, decisionKind, callLogKind);
  return startOutbox({
    isOnline: () => useAppStore.getState().net?.state === 'online',
    watchReconnects: (kick) => {
      const onOnline = () => {
        void deskbook()
          .net.check()
          .then((r) => {
            if (r.ok) useAppStore.getState().setNet(r.value);
            kick();
          });
      };
      window.addEventListener('online', onOnline);
      const unsubscribe = useAppStore.subscribe((state, previous) => {
        if (state.net?.state === 'online' && previous.net?.state !== 'online') kick();
      });
      return () => {
        window.removeEventListener('online', onOnline);
        unsubscribe();
      };
    },
  });
}
