// Dexie needs IndexedDB; happy-dom has none. fake-indexeddb is a complete in-memory implementation.
import 'fake-indexeddb/auto';
