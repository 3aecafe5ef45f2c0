import { toReading } from '../history/reading.ts';
import type { CaseAnswer, HISTORY_MESSAGES } from '../history/messages.ts';
import type { ReadingHistorySettings } from '../history/settings.ts';
import type { Handlers, HandlersOf } from '../messages/handle.ts';
import type { TrailAnswer } from '../messages/protocol.ts';
import { parseReferenceId } from '../refs/ids.ts';
import { CARD_LINKS, citedByLine, trailLines, type TrailLink } from '../riksdagen/trail-lines.ts';
import type { ReadingRecord } from './database.ts';
import type { ReadingRepository } from './readings.ts';
import type { TrailService } from './trails.ts';

/** The content script's messages (lib/messages, MESSAGES), and the pages' (lib/history/messages.ts). */
export interface TrailHandlers {
  page: Pick<Handlers, 'getTrail' | 'recordReading'>;
  history: HandlersOf<typeof HISTORY_MESSAGES>;
}

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
  /** "Citeras i": never the document itself (a betänkande whose text names it), nor the page the reader is on. */
  async function citedBy(id: string | undefined, skip: (string | undefined)[], limit?: number) {
    if (!id) return undefined;
    try {
      const cited = await readings.citedBy(id, { exclude: skip, limit });
      return citedByLine(cited.total, cited.readings.map(readingLink));
    } catch (error) {
      // The history unreadable: the trail still shows.
      console.warn('[Riksref] reading history unreadable', error);
      return undefined;
    }
  }

  return {
    page: {
      async getTrail({ id, dokId, exclude }) {
        const kind = parseReferenceId(id)?.kind;
        // The reading history answers at once; the trail may take a request.
        const [outcome, line] = await Promise.all([
          dokId !== undefined && kind !== undefined && CARD_TRAIL_KINDS.has(kind) ? trails.get(dokId) : undefined,
          citedBy(id, [exclude, dokId], CARD_LINKS),
        ]);
        const answer: TrailAnswer = {};
        if (outcome?.status === 'found') answer.trail = trailLines(outcome.facts);
        else if (outcome?.status === 'unavailable') answer.failed = outcome.reason;
        if (line) answer.citedBy = line;
        return answer;
      },

      async recordReading(page) {
        // Nothing linked (linking turned off, or not yet) says nothing about what the page cites.
        if (page.refs.length === 0 || !(await settings.get()).enabled) return { recorded: false };
        await readings.record(toReading(page), now());
        return { recorded: true };
      },
    },

    history: {
      async getCase({ dokId }) {
        const [outcome, own] = await Promise.all([trails.get(dokId), readings.get(dokId).catch(() => undefined)]);
        const facts = outcome.status === 'found' ? outcome.facts : undefined;
        const answer: CaseAnswer = {};
        if (facts) answer.trail = trailLines(facts, { full: true });
        else if (outcome.status === 'unavailable') answer.failed = outcome.reason;
        // The page's own name for itself first (its heading, its title), then the open data's.
        const label = own?.label ?? facts?.label;
        const title = own?.title ?? facts?.title;
        if (label) answer.label = label;
        if (title) answer.title = title;
        const line = await citedBy(own?.id ?? facts?.id, [dokId]);
        if (line) answer.citedBy = line;
        return answer;
      },
      getReadingHistoryStats: () => readings.stats(),
      clearReadingHistory: async () => ({ removed: await readings.clear() }),
    },
  };
}
