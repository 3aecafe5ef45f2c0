export { DB_NAME, RiksrefDatabase, type DocumentRecord, type LawRecord } from './database.ts';
export { CACHE_POLICY, DocumentRepository, freshness, type CacheStats } from './documents.ts';
export { createMetadataService, type MetadataService, type ServiceStatus } from './metadata.ts';
export { LawRepository, MAX_LAWS } from './laws.ts';
export { HighlightRepository, type ImportOutcome, type SaveOutcome } from './highlights.ts';
export { watchAllHighlights } from './live-highlights.ts';
export { storageErrorMessage } from './storage-errors.ts';
