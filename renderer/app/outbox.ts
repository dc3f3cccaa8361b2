import { callLogKind } from '../features/call-log';
import { escalationDeliveryKinds } from '../features/escalation';
import { reviewDeliveryKinds } from '../features/review';
import { deskbook } from '../ipc/client';
import { registerDeliveryKinds } from '../outbox/kinds';
import { startOutbox } from '../outbox/runtime';
import { useAppStore } from '../state/store';

/**
 * Starts the outbox with every delivery kind registered (each feature owns its kind), fed by
 * the shell's connectivity state: main's probe decides "online"; a probe turning online, or the
 * browser's `online` event (checked with main's probe first: navigator.onLine alone lies), kicks it.
 * Resolves once the kinds have loaded and the pump has started, to how to stop it.
 */
export async function startAppOutbox(): Promise<() => void> {
  const [escalationKinds, reviewKinds] = await Promise.all([escalationDeliveryKinds(), reviewDeliveryKinds()]);
  registerDeliveryKinds(...escalationKinds, ...reviewKinds, callLogKind);
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
