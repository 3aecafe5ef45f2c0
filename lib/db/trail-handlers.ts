import { toReading } from '../history/reading.ts';
import type { ReadingHistorySettings } from '../history/settings.ts';
import type { Handlers } from '../messages/handle.ts';
import type { TrailAnswer } from '../messages/protocol.ts';
import { parseReferenceId } from '../refs/ids.ts';
import { CARD_LINKS, citedByLine, trailLines, type TrailLink } from '../riksdagen/trail-lines.ts';
import type { ReadingRecord } from './database.ts';
import type { ReadingRepository } from './readings.ts';
import type { TrailService } from './trails.ts';

export type TrailHandlers = Pick<Handlers, 'getTrail' | 'recordReading' | 'getReadingHistoryStats' | 'clearReadingHistory'>;

/**
 * The kinds whose hover card shows a trail: those that go through the chamber with förslag and
 * betänkanden. A question's or interpellation's card already says who answered and when; an SOU,
 * Ds or directive has no matter of its own, so its card asks for no dokumentstatus at all.
 */
export const CARD_TRAIL_KINDS: ReadonlySet<string> = new Set(['prop', 'skr', 'bet', 'mot']);

export interface TrailHandlerOptions {
  trails: TrailService;
  readings: ReadingRepository;
  settings: { get(): Promise<ReadingHistorySettings> };
  now?: () => number;
}

/** A read document as a link: how it is cited, with its title as the tooltip. */
function readingLink(reading: ReadingRecord): TrailLink {
  return reading.label ? { label: reading.label, url: reading.url, title: reading.title } : { label: reading.title, url: reading.url };
}

/** The background's answers about trails and the reading history. */
export function createTrailHandlers({ trails, readings, settings, now = Date.now }: TrailHandlerOptions): TrailHandlers {
  return {
    async getTrail({ id, dokId, exclude, full = false }) {
      const kind = id ? parseReferenceId(id)?.kind : undefined;
      const wantsTrail = dokId !== undefined && (full || (kind !== undefined && CARD_TRAIL_KINDS.has(kind)));
      // The reading history answers at once; the trail may take a request.
      const [outcome, own] = await Promise.all([
        wantsTrail ? trails.get(dokId) : undefined,
        full && dokId ? readings.get(dokId).catch(() => undefined) : undefined,
      ]);
      const answer: TrailAnswer = {};
      if (outcome?.status === 'found') answer.trail = trailLines(outcome.facts, { full });
      else if (outcome?.status === 'unavailable') answer.failed = outcome.reason;
      if (full) {
        // The page's own name for itself first (its heading, its title), then the open data's.
        const facts = outcome?.status === 'found' ? outcome.facts : undefined;
        const label = own?.label ?? facts?.label;
        const title = own?.title ?? facts?.title;
        if (label) answer.label = label;
        if (title) answer.title = title;
      }

      const citedId = id ?? own?.id ?? (outcome?.status === 'found' ? outcome.facts.id : undefined);
      if (citedId) {
        try {
          // Never the document itself (a betänkande whose text names it), nor the page the reader is on.
          const skip = [exclude, dokId];
          const cited = await readings.citedBy(citedId, full ? { exclude: skip } : { exclude: skip, limit: CARD_LINKS });
          const line = citedByLine(cited.total, cited.readings.map(readingLink));
          if (line) answer.citedBy = line;
        } catch (error) {
          // The history unreadable: the trail still shows.
          console.warn('[Riksref] reading history unreadable', error);
        }
      }
      return answer;
    },

    async recordReading(page) {
      if (!(await settings.get()).enabled) return { recorded: false };
      await readings.record(toReading(page), now());
      return { recorded: true };
    },

    getReadingHistoryStats: () => readings.stats(),
    clearReadingHistory: async () => ({ removed: await readings.clear() }),
  };
}
