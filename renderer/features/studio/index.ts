import { lazy } from 'react';

/**
 * features/studio: the SOP Studio, where supervisors write, preview and publish a procedure as
 * a graph. The screen is lazy: it and its graph library load only when a supervisor opens it,
 * never on an analyst's first load. Other features import only from here.
 */
export const StudioScreen = lazy(() => import('./StudioScreen').then((m) => ({ default: m.StudioScreen })));
