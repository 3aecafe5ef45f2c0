import { t } from '@/lib/i18n';
import type { PageReference } from '@/lib/messages/protocol';
import { lawAnchorOf, lawIdOf, lawPlaceLabel, parseLawAnchor } from '@/lib/refs/law-anchors';
import { lawShortName, sfsNumberOf } from '@/lib/refs/law-links';
import { occurrences, PENDING } from './reference-words';
import { RevealButton } from './RevealButton';

/*
 * The side panel's "Lagar": the laws the page cites, each with the places in it the page cites —
 * "OSL: 10 kap. 2 §, 26 kap. 1 §" — every place a button that shows it in the page. Laws come in
 * the order the page first cites them; places in the law's own order (chapter, then section), so
 * a reader scanning for "which sections of OSL" reads them as the law lists them. A law cited as
 * a whole is a button of its own, first. Pure, like ReferenceList, whose roving Tab stop it shares.
 */

export interface LawEntry {
  /** `sfs:2009:400`. */
  lawId: string;
  /** `2009:400`. */
  sfs: string;
  /** `OSL`, or the title, or `SFS 2009:400` (lawShortName). */
  name: string;
  /** The open data's title, once some reference to the law has it. */
  title?: string;
  /** How far the metadata has come: found when any reference to the law was found. */
  state: PageReference['state'];
  /** The law cited as a whole, then its places in the law's order. */
  items: PageReference[];
}

/** Groups `sfs` references by law (lawIdOf), in the page's order of first citation. */
export function groupByLaw(references: readonly PageReference[]): LawEntry[] {
  const byLaw = new Map<string, PageReference[]>();
  for (const ref of references) {
    const law = lawIdOf(ref.id);
    const list = byLaw.get(law);
    if (list) list.push(ref);
    else byLaw.set(law, [ref]);
  }
  return [...byLaw].map(([lawId, refs]) => {
    const sfs = sfsNumberOf(lawId) ?? lawId;
    const title = refs.find((r) => r.title)?.title;
    const state = refs.some((r) => r.state === 'found') ? 'found' : refs[0]!.state;
    const items = [...refs].sort((a, b) => comparePlaces(lawAnchorOf(a.id), lawAnchorOf(b.id)));
    const entry: LawEntry = { lawId, sfs, name: lawShortName(sfs, title), state, items };
    if (title) entry.title = title;
    return entry;
  });
}

/** The ids of a group's buttons, in the order they are shown (for the roving Tab stop). */
export function lawItemIds(laws: readonly LawEntry[]): string[] {
  return laws.flatMap((law) => law.items.map((r) => r.id));
}

/** The law as a whole first, then by chapter, then by section: `K2P1` < `K2P1a` < `K10` < `K10P2`. */
function comparePlaces(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const pa = parseLawAnchor(a);
  const pb = parseLawAnchor(b);
  if (!pa || !pb) return a < b ? -1 : 1;
  return compareNumbers(pa.chapter, pb.chapter) || compareNumbers(pa.section, pb.section);
}

/** `9` < `9a` < `9c` < `10`; absent (a chapter alone, a law without chapters) first. */
function compareNumbers(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
}

export interface LawGroupProps {
  laws: readonly LawEntry[];
  /** The id that holds the list's one Tab stop. */
  active: string | undefined;
  onPick: (id: string) => void;
  onFocusItem: (id: string) => void;
}

export function LawGroup({ laws, active, onPick, onFocusItem }: LawGroupProps) {
  return (
    <section class="kind-group law-group" data-kind="sfs" aria-labelledby="kind-sfs">
      <h2 id="kind-sfs">
        {t('refs_laws')} <span class="group-count">({laws.length})</span>
      </h2>
      <ul>
        {laws.map((law) => {
          const nameId = `law-${law.sfs}`;
          const secondary = law.title !== undefined ? (law.title !== law.name ? law.title : undefined) : law.state === 'found' ? undefined : t(PENDING[law.state]);
          return (
            <li key={law.lawId} class="law" data-law={law.lawId}>
              <p class="law-name" id={nameId}>
                <span class="ref-label">{law.name}</span>
                {secondary && ' '}
                {secondary && <span class={law.title ? 'ref-title' : 'ref-title pending'}>{secondary}</span>}
              </p>
              <ul class="law-places" aria-labelledby={nameId}>
                {law.items.map((ref) => {
                  const anchor = lawAnchorOf(ref.id);
                  const place = anchor ? lawPlaceLabel(anchor) : t('law_wholeLaw');
                  // The name says the law too ("10 kap. 2 § OSL"), starting with what the button shows.
                  const name = `${place}${anchor ? ' ' : ', '}${law.name}, ${occurrences(ref.count)}`;
                  return (
                    <li key={ref.id}>
                      <RevealButton reference={ref} active={active} onPick={onPick} onFocusItem={onFocusItem} label={name}>
                        <span class="place-label">{place}</span>
                        {ref.count > 1 && <span class="place-count">{ref.count}×</span>}
                      </RevealButton>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
