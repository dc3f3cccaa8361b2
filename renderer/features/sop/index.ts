import { lazy } from 'react';

export { LibraryScreen } from './LibraryScreen';
export { RunScreen } from './RunScreen';
export const HistoryScreen = lazy(() => import('./HistoryScreen').then((m) => ({ default: m.HistoryScreen })));
