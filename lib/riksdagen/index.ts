export { createRiksdagenClient, type RiksdagenClient, type RiksdagenClientOptions } from './client.ts';
export { createHttpClient, type HttpClient, type HttpClientOptions, type HttpFailure } from './http.ts';

export { organName } from './organs.ts';
export { API_ORIGIN } from './query.ts';
export type { DocumentMeta, LookupOutcome, UnavailableReason } from './types.ts';
export { createLawClient, type LawClient, type LawFetchOutcome } from './laws.ts';
export { parseLawText, type LawText } from './law-text.ts';
