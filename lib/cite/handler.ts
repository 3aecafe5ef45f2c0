import type { Handlers } from '../messages/handle.ts';
import type { LookupOutcome } from '../riksdagen/types.ts';
import { citationFile, referenceRecord, type CitationRecord } from './index.ts';

/**
 * The background's answer to `formatCitations`: each id's metadata as the cache has it (a page
 * has looked its references up already, so this seldom reaches the network), then the records in
 * the format asked for. A reference without metadata (not in the open data, or the service
 * unreachable) is still cited, by what its id says.
 */
export function createCitationHandlers(
  lookupMany: (ids: readonly string[]) => Promise<Record<string, LookupOutcome>>,
  now: () => number = Date.now,
): Pick<Handlers, 'formatCitations'> {
  return {
    async formatCitations({ ids, format, dokId }) {
      const unique = [...new Set(ids)];
      const outcomes = await lookupMany(unique);
      const records = unique
        .map((id) => {
          const outcome = outcomes[id];
          return referenceRecord(id, outcome?.status === 'found' ? outcome.meta : undefined);
        })
        .filter((record): record is CitationRecord => record !== undefined);
      return citationFile(format, records, dokId === undefined ? { now: now() } : { now: now(), dokId });
    },
  };
}
