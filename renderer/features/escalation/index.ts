import { lazy } from 'react';

/** The draft form loads on first use, keeping the library's first load small. */
export const DraftScreen = lazy(() => import('./DraftScreen').then((m) => ({ default: m.DraftScreen })));
export { createBlankDraft, createDraftFromEscalation, openDraftFromRun, useDrafts } from './drafts';
