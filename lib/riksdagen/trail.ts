import { formatReferenceId, normalizeNumber, parseReferenceId } from '../refs/ids.ts';
import { fallbackUrl, referenceLabel } from '../refs/labels.ts';
import { REFERENCE_KINDS, type ReferenceKind } from '../refs/types.ts';
import { normalizeRm } from './pick.ts';
import type { DokumentstatusTrail } from './schemas.ts';
import { plainText } from './text.ts';
import { documentPageUrl } from './urls.ts';

/*
 * What happened to a document, from its dokumentstatus (issue 13): where it was dealt with, what
 * it deals with, the motions made on it, what the chamber decided and when, and whether the
 * matter is closed. Facts only, in our own shape, small enough to cache: never the document's
 * HTML, never wording (trail-lines.ts words them). A part the answer lacks stays absent.
 */

/** A document a relation names. */
export interface TrailDoc {
  /** `bet. 2023/24:UbU5`; the relation's own words when it names no designation. */
  label: string;
  /** Its page (by dok_id), or a search for its designation; absent when it names neither. */
  url?: string;
  title?: string;
  /** The API's doktyp, lower case (`bet`, `mot`). */
  doktyp?: string;
}

/** One förslag of a proposition or yrkande of a motion (`dokforslag`). */
export interface TrailProposal {
  number?: string;
  /** What the committee proposed (`Bifall`, `Avslag`). */
  committee?: string;
  /** What the chamber decided; absent while undecided. */
  chamber?: string;
}

/** One point of a betänkande's proposal (`dokutskottsforslag`). */
export interface TrailPoint {
  point?: string;
  heading?: string;
  /** `acklamation`, `röstning`, … as the data writes it. */
  decisionType?: string;
  /** Whose proposal won: `utskottet`, or a reservation. */
  winner?: string;
}

export interface TrailFacts {
  dokId: string;
  /** The document's doktyp, lower case. */
  doktyp?: string;
  /** Its canonical reference id (`prop:2023/24:20`), when its doktyp, riksmöte and beteckning make one. */
  id?: string;
  /** `prop. 2023/24:20` (`Svar på fråga 2018/19:523` for an answer), when `id` is known. */
  label?: string;
  title: string;
  url: string;
  /** Where it was (or is being) dealt with: `behandlas_i`, and the betänkanden its förslag name. */
  treatedIn: TrailDoc[];
  /** What a betänkande deals with: `behandlar`. */
  treats: TrailDoc[];
  /** Motions made on it: `följdmotion`. */
  followUpMotions: TrailDoc[];
  /** Relations of types we do not know, under the data's own name for them. */
  otherRelations: { name: string; docs: TrailDoc[] }[];
  proposals: TrailProposal[];
  points: TrailPoint[];
  /** The data's own sentence on the matter (`Ärendet är avslutat`). */
  statusText?: string;
  /** The chamber's decision day (`YYYY-MM-DD`), from the activities. */
  decidedOn?: string;
  /**
   * True while a decision could still come or change: cached for a shorter time (lib/db/trails.ts).
   * A matter is closed when the data says so, when every förslag has the chamber's decision, or
   * when the document is of a kind that has no matter (SOU, Ds, dir., …).
   */
  open: boolean;
}

/** Kinds whose documents go through the chamber, and so have a matter that can be open. */
const MATTER_DOKTYPS = new Set(['prop', 'skr', 'mot', 'bet', 'fr', 'ip', 'rskr']);
const DATE = /^\d{4}-\d{2}-\d{2}/;
const CLOSED = /avslutat/i;
// The activity that is the chamber's decision: `Beslutad`, `Beslut`, `Riksdagsbeslut` (but not `Besvarad`).
const DECISION = /^(?:riksdags)?beslut/i;
const KNOWN_RELATIONS = new Set(['behandlas_i', 'behandlar', 'följdmotion']);

/** Our canonical id for an API document (`frs` is answered under its question, `fr`), or undefined. */
export function referenceIdOf(doktyp: string | undefined, rm: string | undefined, beteckning: string | undefined): string | undefined {
  if (!doktyp || !rm || !beteckning) return undefined;
  const type = doktyp.toLowerCase();
  const kind = (type === 'frs' ? 'fr' : type) as ReferenceKind;
  if (kind === 'eu' || !REFERENCE_KINDS.includes(kind)) return undefined;
  // `ref_dok_bet` has been seen both bare (`UbU5`) and with its riksmöte (`2023/24:UbU5`).
  const bare = beteckning.replace(/^\d{4}(?:\/\d{2,4})?:/, '');
  const number = /^\d+$/.test(bare) ? normalizeNumber(bare) : bare;
  const session = normalizeRm(rm);
  if (!number || !session) return undefined;
  const id = formatReferenceId({ kind, rm: session, number });
  return parseReferenceId(id) ? id : undefined;
}

function docFrom(ref: NonNullable<DokumentstatusTrail['dokumentstatus']['dokreferens']>['referens'][number]): TrailDoc | undefined {
  const doktyp = ref.ref_dok_typ?.toLowerCase();
  const id = referenceIdOf(doktyp, ref.ref_dok_rm, ref.ref_dok_bet);
  const title = ref.ref_dok_titel && plainText(ref.ref_dok_titel);
  // `uppgift` may hold HTML (`av Åsa Westlund m.fl. (S)<br />med anledning av …`): text only.
  const words = ref.uppgift && plainText(ref.uppgift);
  const label = id ? referenceLabel(id) : doktyp && ref.ref_dok_rm && ref.ref_dok_bet ? `${doktyp} ${ref.ref_dok_rm}:${ref.ref_dok_bet}` : (words ?? title);
  if (!label) return undefined;
  const doc: TrailDoc = { label };
  const url = ref.ref_dok_id ? documentPageUrl(doktyp, ref.ref_dok_id, undefined) : id ? fallbackUrl(id) : undefined;
  if (url) doc.url = url;
  if (title && title !== label) doc.title = title;
  if (doktyp) doc.doktyp = doktyp;
  return doc;
}

/** `2023/24:UbU5` as a förslag's `behandlas_i` writes it: the betänkande, found by its designation. */
function betankandeNamed(designation: string): TrailDoc | undefined {
  const m = /^(\d{4}\/\d{2,4}):(\S+)$/.exec(designation.trim());
  const id = m ? referenceIdOf('bet', m[1], m[2]) : undefined;
  return id ? { label: referenceLabel(id), url: fallbackUrl(id), doktyp: 'bet' } : undefined;
}

function pushUnique(into: TrailDoc[], doc: TrailDoc | undefined): void {
  if (doc && !into.some((d) => d.label === doc.label)) into.push(doc);
}

/** The trail of the document a dokumentstatus answer describes. */
export function toTrailFacts(status: DokumentstatusTrail): TrailFacts {
  const { dokument, dokreferens, dokforslag, dokaktivitet, dokuppgift, dokutskottsforslag } = status.dokumentstatus;
  const doktyp = (dokument.doktyp ?? dokument.typ)?.toLowerCase();
  const facts: TrailFacts = {
    dokId: dokument.dok_id,
    title: dokument.titel,
    url: documentPageUrl(doktyp, dokument.dok_id, dokument.dokument_url_html),
    treatedIn: [],
    treats: [],
    followUpMotions: [],
    otherRelations: [],
    proposals: [],
    points: [],
    open: false,
  };
  if (doktyp) facts.doktyp = doktyp;
  const id = referenceIdOf(doktyp, dokument.rm, dokument.beteckning);
  if (id) {
    facts.id = id;
    // An answer is cited as its question, but it is the answer: say so.
    facts.label = doktyp === 'frs' ? `Svar på ${referenceLabel(id)}` : referenceLabel(id);
  }

  for (const ref of dokreferens?.referens ?? []) {
    const doc = docFrom(ref);
    const type = ref.referenstyp?.toLowerCase() ?? '';
    if (type === 'behandlas_i') pushUnique(facts.treatedIn, doc);
    else if (type === 'behandlar') pushUnique(facts.treats, doc);
    else if (type === 'följdmotion') pushUnique(facts.followUpMotions, doc);
    else if (doc && !KNOWN_RELATIONS.has(type)) {
      // Unknown types are shown by their own name (the raw word, `hänvisning`); without one, as "other".
      const name = ref.referenstyp ?? '';
      const group = facts.otherRelations.find((g) => g.name === name);
      if (group) pushUnique(group.docs, doc);
      else facts.otherRelations.push({ name, docs: [doc] });
    }
  }

  for (const forslag of dokforslag?.forslag ?? []) {
    const proposal: TrailProposal = {};
    if (forslag.nummer) proposal.number = forslag.nummer;
    if (forslag.utskottet) proposal.committee = forslag.utskottet;
    if (forslag.kammaren) proposal.chamber = forslag.kammaren;
    facts.proposals.push(proposal);
    // A motion names its betänkande only in its yrkanden.
    if (forslag.behandlas_i) pushUnique(facts.treatedIn, betankandeNamed(forslag.behandlas_i));
  }

  for (const item of dokutskottsforslag?.utskottsforslag ?? []) {
    const point: TrailPoint = {};
    if (item.punkt) point.point = item.punkt;
    if (item.rubrik) point.heading = item.rubrik;
    if (item.beslutstyp) point.decisionType = item.beslutstyp;
    if (item.vinnare) point.winner = item.vinnare;
    facts.points.push(point);
  }

  const statusText = dokuppgift?.uppgift.find((u) => u.kod?.toLowerCase() === 'statustext')?.text;
  if (statusText) facts.statusText = plainText(statusText);

  const decided = (dokaktivitet?.aktivitet ?? [])
    .filter((a) => DECISION.test(a.namn ?? '') && DATE.test(a.datum ?? ''))
    .map((a) => a.datum!.slice(0, 10))
    .sort();
  if (decided.length > 0) facts.decidedOn = decided[decided.length - 1];

  facts.open = isOpen(facts);
  return facts;
}

function isOpen(facts: TrailFacts): boolean {
  if (!facts.doktyp || !MATTER_DOKTYPS.has(facts.doktyp)) return false;
  if (facts.statusText) return !CLOSED.test(facts.statusText);
  if (facts.proposals.length > 0) return facts.proposals.some((p) => !p.chamber);
  if (facts.points.length > 0) return facts.points.some((p) => !p.winner) && !facts.decidedOn;
  return !facts.decidedOn;
}
