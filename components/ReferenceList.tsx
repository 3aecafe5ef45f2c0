import { plural, t } from '@/lib/i18n';
import { useRef, useState } from 'preact/hooks';
import type { PageReference } from '@/lib/messages/protocol';
import { kindName } from '@/lib/refs/labels';
import { REFERENCE_KINDS, type ReferenceKind } from '@/lib/refs/types';
import { groupByLaw, LawGroup, lawItemIds } from './LawGroup';
import { occurrences, PENDING } from './reference-words';
import { RevealButton } from './RevealButton';

export { occurrences } from './reference-words';

/*
 * The side panel's "Referenser": every document the page cites, grouped by kind; laws (kind
 * `sfs`) grouped by law, each with the places cited in it (LawGroup.tsx). Pure: the list it is
 * given, and `onReveal` when the reader picks one. One Tab stop for the whole list (arrow keys,
 * Home and End move within it), so a page citing 200 documents is not 200 Tab presses away from
 * the rest of the panel.
 */

export interface ReferenceListProps {
  references: readonly PageReference[];
  /** The reader picked a reference: scroll the page to it (the next occurrence each time). */
  onReveal: (id: string) => void;
}

export interface KindGroup {
  kind: ReferenceKind;
  name: string;
  references: PageReference[];
}

/** Groups in the fixed order of REFERENCE_KINDS; within a group, the page's order. */
export function groupByKind(references: readonly PageReference[]): KindGroup[] {
  const byKind = new Map<ReferenceKind, PageReference[]>();
  for (const ref of references) {
    const group = byKind.get(ref.kind);
    if (group) group.push(ref);
    else byKind.set(ref.kind, [ref]);
  }
  return REFERENCE_KINDS.filter((kind) => byKind.has(kind)).map((kind) => ({ kind, name: kindName(kind), references: byKind.get(kind)! }));
}

/** "3 dokument och 2 lagar som sidan hänvisar till": a law counts once, however many places in it the page cites. */
export function summarize(references: readonly PageReference[]): string {
  const documents = references.filter((r) => r.kind !== 'sfs').length;
  const laws = groupByLaw(references.filter((r) => r.kind === 'sfs')).length;
  if (laws === 0) return t('refs_summary', plural('documents', documents));
  if (documents === 0) return t('refs_summary', plural('laws', laws));
  return t('refs_summaryBoth', plural('documents', documents), plural('laws', laws));
}

export function ReferenceList({ references, onReveal }: ReferenceListProps) {
  const groups = groupByKind(references).map((group) => ({
    ...group,
    laws: group.kind === 'sfs' ? groupByLaw(group.references) : undefined,
  }));
  const order = groups.flatMap((g) => (g.laws ? lawItemIds(g.laws) : g.references.map((r) => r.id)));
  const [current, setCurrent] = useState<string | undefined>(undefined);
  const list = useRef<HTMLDivElement>(null);
  // The roving Tab stop: the last one used, or the first when that one is gone from the page.
  const active = current !== undefined && order.includes(current) ? current : order[0];

  const pick = (id: string) => {
    setCurrent(id);
    onReveal(id);
  };

  const focusItem = (id: string | undefined) => {
    if (id === undefined) return;
    setCurrent(id);
    list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const at = active === undefined ? -1 : order.indexOf(active);
    const target = {
      ArrowDown: order[Math.min(order.length - 1, at + 1)],
      ArrowUp: order[Math.max(0, at - 1)],
      // A law's places sit side by side: left and right move too.
      ArrowRight: order[Math.min(order.length - 1, at + 1)],
      ArrowLeft: order[Math.max(0, at - 1)],
      Home: order[0],
      End: order[order.length - 1],
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    focusItem(target);
  };

  return (
    <div class="reference-list" ref={list} onKeyDown={onKeyDown}>
      {groups.map((group) =>
        group.laws ? (
          <LawGroup
            key="sfs"
            laws={group.laws}
            active={active}
            onPick={pick}
            onFocusItem={setCurrent}
          />
        ) : (
          <section key={group.kind} class="kind-group" data-kind={group.kind} aria-labelledby={`kind-${group.kind}`}>
            <h2 id={`kind-${group.kind}`}>
              {group.name} <span class="group-count">({group.references.length})</span>
            </h2>
            <ul>
              {group.references.map((ref) => (
                <li key={ref.id}>
                  <RevealButton reference={ref} active={active} onPick={pick} onFocusItem={setCurrent}>
                    <span class="ref-label">{ref.label}</span>
                    <span class={ref.title ? 'ref-title' : 'ref-title pending'}>{ref.title ?? (ref.state === 'found' ? '' : t(PENDING[ref.state]))}</span>
                    <span class="ref-count">{occurrences(ref.count)}</span>
                  </RevealButton>
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
    </div>
  );
}
