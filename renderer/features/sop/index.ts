import { lazy } from 'react';

export { LibraryScreen } from './LibraryScreen';
/** The runner, history and their engine load on first use, keeping the library's start small. */
export const RunScreen = lazy(() => import('./RunScreen').then((m) => ({ default: m.RunScreen })));
export const HistoryScreen = lazy(() => import('./HistoryScreen').then((m) => ({ default: m.HistoryScreen })));
/** The runner on a run held elsewhere (the SOP Studio's preview), lazy like the run screen. */
export const RunView = lazy(() => import('./RunScreen').then((m) => ({ default: m.RunView })));
export type { RunActions } from './RunScreen';
export { initialCallerLanguage } from './language';
