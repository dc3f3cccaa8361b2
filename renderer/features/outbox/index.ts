import { lazy } from 'react';

/** The queue screen loads on first use; the outbox itself (renderer/outbox/) starts with the app. */
export const QueueScreen = lazy(() => import('./QueueScreen').then((m) => ({ default: m.QueueScreen })));
