import { formatNumber, plural, t } from '../i18n.ts';
import type { TrailDoc, TrailFacts } from './trail.ts';

/*
 * A trail in words, line by line, ready to render: the hover card lives in the content script,
 * where every byte counts, so it is handed finished lines (text, then links, then the rest) and
 * renders them as they are. Every word the reader sees here is in TRAIL_WORDS.
 */

/** A document named in a line; without `url` it is shown as text. */
export interface TrailLink {
  label: string;
  url?: string;
  title?: string;
}

export interface TrailLine {
  /** What the line says, for tests and styling: `treated-in`, `treats`, `decision`, `decided`, `motions`, `matter-status`, `relation`. */
  field: string;
  text: string;
  links?: TrailLink[];
  /** Words after the links (`och 3 till`). */
  rest?: string;
}

// Our words of the trail, in the reader's language (_locales); the chamber's and the data's own
// words (bifall, a relation's name) stay as the open data gives them.
export const TRAIL_WORDS = {
  treatedIn: (decided: boolean) => t(decided ? 'trail_treatedIn' : 'trail_toBeTreatedIn'),
  treats: () => t('trail_treats'),
  motions: (n: number) => plural('motions', n),
  andMotions: (n: number) => t('trail_and', plural('motions', n)),
  followUpMotions: (n: number) => plural('followUpMotions', n),
  followUpMotionsList: () => t('trail_followUpMotionsList'),
  chamber: () => t('trail_chamber'),
  undecided: () => t('trail_undecided'),
  committeeWon: () => t('trail_committeeWon'),
  points: (n: number, votes: number) => (votes > 0 ? t('trail_pointsVotes', formatNumber(n), formatNumber(votes)) : t('trail_points', formatNumber(n))),
  point: (point: string, winner: string) => t('trail_point', point, winner.toLowerCase() === 'utskottet' ? t('trail_committeeProposal') : winner),
  proposal: (kind: string | undefined) => t(kind === 'mot' ? 'trail_claim' : 'trail_proposal'),
  decidedOn: (date: string) => t('trail_decidedOn', date),
  otherRelation: (name: string) => `${name || t('trail_otherRelation')}:`,
  more: (n: number) => t('trail_more', formatNumber(n)),
  citedBy: (n: number) => plural('trail_citedBy', n),
};

/** The card shows this many documents per line, then "och N till"; the side panel shows all. */
export const CARD_LINKS = 5;
/** Decisions that differ are listed one by one up to this many; beyond it, counted. */
const DECISIONS_LISTED = 4;
const VOTE = /röst|voter/i;

export interface TrailLineOptions {
  /** Every document on every line (the side panel), not the card's first few. */
  full?: boolean;
}

function link(doc: TrailDoc): TrailLink {
  const out: TrailLink = { label: doc.label };
  if (doc.url) out.url = doc.url;
  if (doc.title) out.title = doc.title;
  return out;
}

/** A line naming documents: all of them, or the first few and "och N till". */
function withLinks(field: string, text: string, docs: readonly TrailDoc[], full: boolean, rest?: string): TrailLine {
  const shown = full ? docs : docs.slice(0, CARD_LINKS);
  const line: TrailLine = { field, text, links: shown.map(link) };
  const more = docs.length - shown.length;
  const tail = [more > 0 ? TRAIL_WORDS.more(more) : '', rest ?? ''].filter(Boolean).join(', ');
  if (tail) line.rest = tail;
  return line;
}

const lower = (s: string) => s.toLocaleLowerCase('sv');

/** "Riksdagen: bifall", or per förslag when they differ, or counted when there are many. */
function decisionLine(facts: TrailFacts): TrailLine | undefined {
  const decided = facts.proposals.filter((p) => p.chamber);
  if (decided.length > 0) {
    const values = decided.map((p) => lower(p.chamber!));
    if (decided.length === facts.proposals.length && values.every((v) => v === values[0])) {
      return { field: 'decision', text: `${TRAIL_WORDS.chamber()} ${values[0]}` };
    }
    if (decided.length <= DECISIONS_LISTED) {
      const word = TRAIL_WORDS.proposal(facts.doktyp);
      const each = facts.proposals.flatMap((p, i) => (p.chamber ? [`${word} ${p.number ?? i + 1} ${lower(p.chamber)}`] : []));
      return { field: 'decision', text: `${TRAIL_WORDS.chamber()} ${each.join(', ')}` };
    }
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return { field: 'decision', text: `${TRAIL_WORDS.chamber()} ${[...counts].map(([v, n]) => `${n} ${v}`).join(', ')}` };
  }
  const points = facts.points.filter((p) => p.winner);
  if (points.length > 0) {
    const votes = points.filter((p) => VOTE.test(p.decisionType ?? '')).length;
    if (points.every((p) => lower(p.winner!) === 'utskottet')) {
      const count = points.length > 1 ? ` (${TRAIL_WORDS.points(points.length, votes)})` : '';
      return { field: 'decision', text: `${TRAIL_WORDS.chamber()} ${TRAIL_WORDS.committeeWon()}${count}` };
    }
    const each = facts.points.flatMap((p, i) => (p.winner ? [TRAIL_WORDS.point(p.point ?? String(i + 1), p.winner)] : []));
    return { field: 'decision', text: `${TRAIL_WORDS.chamber()} ${each.join(', ')}` };
  }
  // Förslag without the chamber's word, in a matter the data does not call closed: not decided yet.
  if (facts.proposals.length > 0 && facts.open) return { field: 'decision', text: TRAIL_WORDS.undecided() };
  return undefined;
}

/**
 * "Du har läst 7 dokument som hänvisar hit: …": the documents read that cite one, newest first, of
 * which `links` are shown (the card's first few, the panel's all); none, no line.
 */
export function citedByLine(total: number, links: readonly TrailLink[]): TrailLine | undefined {
  if (total === 0) return undefined;
  const line: TrailLine = { field: 'cited-by', text: TRAIL_WORDS.citedBy(total), links: [...links] };
  if (total > links.length) line.rest = TRAIL_WORDS.more(total - links.length);
  return line;
}

/** The trail as lines, in the order a reader asks: where, what was decided, when, what else, and where it stands. */
export function trailLines(facts: TrailFacts, options: TrailLineOptions = {}): TrailLine[] {
  const full = options.full === true;
  const lines: TrailLine[] = [];
  const decided = facts.proposals.some((p) => p.chamber) || facts.decidedOn !== undefined || !facts.open;

  if (facts.treatedIn.length > 0) lines.push(withLinks('treated-in', TRAIL_WORDS.treatedIn(decided), facts.treatedIn, full));
  if (facts.treats.length > 0) {
    // The card names the propositions and counts the motions (a betänkande may deal with a hundred).
    const motions = facts.treats.filter((d) => d.doktyp === 'mot');
    const others = facts.treats.filter((d) => d.doktyp !== 'mot');
    if (full) lines.push(withLinks('treats', TRAIL_WORDS.treats(), facts.treats, true));
    else if (others.length === 0) lines.push({ field: 'treats', text: `${TRAIL_WORDS.treats()} ${TRAIL_WORDS.motions(motions.length)}` });
    else lines.push(withLinks('treats', TRAIL_WORDS.treats(), others, false, motions.length > 0 ? TRAIL_WORDS.andMotions(motions.length) : undefined));
  }
  const decision = decisionLine(facts);
  if (decision) lines.push(decision);
  if (facts.decidedOn) lines.push({ field: 'decided', text: TRAIL_WORDS.decidedOn(facts.decidedOn) });
  if (facts.followUpMotions.length > 0) {
    lines.push(
      full
        ? withLinks('motions', TRAIL_WORDS.followUpMotionsList(), facts.followUpMotions, true)
        : { field: 'motions', text: TRAIL_WORDS.followUpMotions(facts.followUpMotions.length) },
    );
  }
  if (facts.statusText) lines.push({ field: 'matter-status', text: facts.statusText });
  for (const group of facts.otherRelations) lines.push(withLinks('relation', TRAIL_WORDS.otherRelation(group.name), group.docs, full));
  return lines;
}
