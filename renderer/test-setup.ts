// Renderer tests run in happy-dom with fake-indexeddb behind Dexie: the real Dexie code, an
// in-memory IndexedDB, no mocks of either.
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/react';

// findBy… waits up to 5 s, not 1 s: on a two-core machine running every project at once a
// first render with its IndexedDB reads can take more than a second. A wait, not a timing
// assertion: what never appears still fails.
configure({ asyncUtilTimeout: 5_000 });
