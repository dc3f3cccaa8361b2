import { lazy } from 'react';

/** The queue screen loads on first use; the pump itself starts with the app. */
export const QueueScreen = lazy(() => import('./QueueScreen').then((m) => ({ default: m.QueueScreen })));
export { enqueueDecision } from './enqueue';
export { kickOutbox, resumeOutbox, startOutbox } from './runtime';
