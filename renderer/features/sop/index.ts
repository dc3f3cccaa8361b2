import { lazy } from 'react';

export { LibraryScreen } from './LibraryScreen';
/** The runner, history and their engine load on first use, keeping the library's start small. */
export const RunScreen = lazy(() => import('./RunScreen').then((m) => ({ default: m.RunScreen })));
export const HistoryScreen = lazy(() => import('./HistoryScreen').then((m) => ({ default: m.HistoryScreen })));
