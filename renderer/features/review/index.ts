import { lazy } from 'react';

/** Supervisor screens load on first use: analysts and technicians never download them. */
export const ReviewScreen = lazy(() => import('./ReviewScreen').then((m) => ({ default: m.ReviewScreen })));
export const DashboardScreen = lazy(() => import('./DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
export const AuditScreen = lazy(() => import('./AuditScreen').then((m) => ({ default: m.AuditScreen })));
export { decisionKind } from './decisions';
