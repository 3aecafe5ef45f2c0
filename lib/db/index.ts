export { DB_NAME, RiksrefDatabase, type DocumentRecord, type LawRecord, type ReadingRecord, type TrailRecord } from './database.ts';
export { CACHE_POLICY, DocumentRepository, freshness, type CacheStats } from './documents.ts';
export { createMetadataService, type MetadataService, type ServiceStatus } from './metadata.ts';
export { LawRepository, MAX_LAWS } from './laws.ts';
export { createTrailService, TRAIL_POLICY, TrailRepository, trailFreshness, type TrailOutcome, type TrailService } from './trails.ts';
export { READING_POLICY, ReadingRepository } from './readings.ts';
export { HighlightRepository, type ImportOutcome, type SaveOutcome } from './highlights.ts';
export { watchAllHighlights } from './live-highlights.ts';
export { storageErrorMessage } from './storage-errors.ts';
