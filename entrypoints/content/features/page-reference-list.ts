import { browser } from 'wxt/browser';
import { createTabMessageHandler, listen } from '@/lib/messages/handle';
import { PROTOCOL_VERSION, type PageEvent, type PageReference } from '@/lib/messages/protocol';
import type { LinkedReference } from '@/lib/page';
import { referenceLabel } from '@/lib/refs/labels';
import type { Feature } from '../feature';
import { Timer } from '../timer';
import type { MetadataState } from '../page-references';

/** Marks the anchors being shown; links.css animates them. */
const ATTR_FLASH = 'data-riksref-flash';
/** As long as the animation in links.css. */
const FLASH_MS = 1600;
/** References and metadata change in bursts (chunks of a long page, one lookup answer): tell the panel once per burst. */
const NOTIFY_MS = 300;

/**
 * The side panel's view of this page: answers "which documents does this page cite" and "show me
 * that one", and tells the panel when the answer has changed. Nothing is sent anywhere else.
 */
export const pageReferenceList: Feature = {
  name: 'page-reference-list',
  runsOn: () => true,
  start({ signal, quietly, references }) {
    let flashed: HTMLAnchorElement[] = [];
    const flashTimer = new Timer(signal, () => unflash());

    const unflash = () => {
      flashTimer.cancel();
      const done = flashed;
      flashed = [];
      quietly(() => done.forEach((a) => a.removeAttribute(ATTR_FLASH)));
    };

    const reveal = (id: string, occurrence: number) => {
      const found = occurrencesOf(references.all.values(), id);
      if (found.length === 0) throw new Error(`${id} is not on this page`);
      const index = occurrence % found.length;
      const pieces = found[index]!.anchors.filter((a) => a.isConnected);
      unflash();
      const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
      pieces[0]?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
      quietly(() => pieces.forEach((a) => a.setAttribute(ATTR_FLASH, '')));
      flashed = pieces;
      flashTimer.start(FLASH_MS);
      return { occurrence: index, count: found.length };
    };

    const unlisten = listen(
      browser.runtime.onMessage as Parameters<typeof listen>[0],
      createTabMessageHandler({
        getPageReferences: () => ({ url: location.href, references: listReferences(references.all.values(), (id) => references.metadataOf(id)) }),
        revealReference: ({ id, occurrence }) => reveal(id, occurrence),
      }),
    );

    const notifyTimer = new Timer(signal, () => {
      const event: PageEvent = { riksrefEvent: PROTOCOL_VERSION, name: 'pageReferencesChanged' };
      // Nobody listening (no panel open) is the usual case, not an error.
      browser.runtime.sendMessage(event).catch(() => {});
    });
    const notify = () => notifyTimer.start(NOTIFY_MS);
    const unsubscribe = references.subscribe(notify);
    // A new page (also one the site loaded without a reload): the panel should ask again.
    notify();

    return () => {
      unsubscribe();
      unlisten();
      notifyTimer.cancel();
      unflash();
    };
  },
};

/** The linked references with canonical id `id`, in document order (chunked linking adds them out of order). */
export function occurrencesOf(linked: Iterable<LinkedReference>, id: string): LinkedReference[] {
  return [...linked].filter((r) => r.id === id && r.anchors[0]?.isConnected).sort((a, b) => documentOrder(a.anchors[0]!, b.anchors[0]!));
}

/** One entry per document, in order of first appearance on the page, with its metadata's progress. */
export function listReferences(
  linked: Iterable<LinkedReference>,
  metadataOf: (id: string) => MetadataState | undefined,
): PageReference[] {
  const first = new Map<string, { ref: LinkedReference; count: number }>();
  const ordered = [...linked].filter((r) => r.anchors[0]?.isConnected).sort((a, b) => documentOrder(a.anchors[0]!, b.anchors[0]!));
  for (const ref of ordered) {
    const seen = first.get(ref.id);
    if (seen) seen.count++;
    else first.set(ref.id, { ref, count: 1 });
  }
  return [...first.values()].map(({ ref, count }) => {
    const state = metadataOf(ref.id);
    const entry: PageReference = {
      id: ref.id,
      kind: ref.kind,
      label: state?.status === 'found' ? state.meta.label : referenceLabel(ref.id),
      state: state?.status ?? 'loading',
      count,
    };
    if (state?.status === 'found') entry.title = state.meta.title;
    return entry;
  });
}

function documentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
