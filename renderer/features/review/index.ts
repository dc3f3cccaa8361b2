import { lazy } from 'react';
import type { DeliveryKind } from '../../outbox/kinds';

/** Supervisor screens load on first use: analysts and technicians never download them. */
export const ReviewScreen = lazy(() => import('./ReviewScreen').then((m) => ({ default: m.ReviewScreen })));
export const DashboardScreen = lazy(() => import('./DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
export const AuditScreen = lazy(() => import('./AuditScreen').then((m) => ({ default: m.AuditScreen })));
/**
 * The outbox's kind for supervisors' decisions, for the shell to register. Loaded with the outbox
 * rather than re-exported, so the review schema stays out of the library's first load.
 */
export async function reviewDeliveryKinds(): Promise<readonly DeliveryKind[]> {
  const { decisionKind } = await import('./decisions');
  return [decisionKind];
}
