// Renderer tests run in happy-dom with fake-indexeddb behind Dexie: the real Dexie code, an
// in-memory IndexedDB, no mocks of either.
import 'fake-indexeddb/auto';
