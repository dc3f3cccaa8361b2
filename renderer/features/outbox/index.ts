import { lazy } from 'react';

/** The queue screen loads on first use; the pump itself starts with the app. */
export const QueueScreen = lazy(() => import('./QueueScreen').then((m) => ({ default: m.QueueScreen })));
export { kickOutbox, resumeOutbox, startOutbox } from './runtime';
