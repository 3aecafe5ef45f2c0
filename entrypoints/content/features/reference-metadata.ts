import { ATTR_EXISTING } from '@/lib/page';
import { send, type LookupResult } from '@/lib/messages';
import { MAX_IDS_PER_LOOKUP } from '@/lib/messages/protocol';
import type { Feature } from '../feature';

// Links arrive chunk by chunk on long pages; gather them for a moment so a page view costs one
// lookup, not one per chunk.
const GATHER_MS = 250;

/**
 * Asks the background, in one batch, what each reference on the page is, then points every link
 * we made at the document's own page and gives it the title as a tooltip. Links stay on their
 * fallback address when the metadata is unavailable; the hover card offers a retry.
 */
export const referenceMetadata: Feature = {
  name: 'reference-metadata',
  runsOn: () => true,
  start({ ctx, signal, quietly, references }) {
    const asked = new Set<string>();
    let timer: number | undefined;

    const lookUp = async (ids: string[]) => {
      references.setMetadata(ids.map((id) => [id, { status: 'loading' }]));
      for (let i = 0; i < ids.length; i += MAX_IDS_PER_LOOKUP) {
        const batch = ids.slice(i, i + MAX_IDS_PER_LOOKUP);
        let results: Record<string, LookupResult>;
        try {
          ({ results } = await send('lookupReferences', { ids: batch }));
        } catch (error) {
          console.warn('[Riksref] metadata lookup failed', error);
          results = Object.fromEntries(batch.map((id) => [id, { status: 'unavailable', reason: 'network' } as const]));
        }
        if (signal.aborted) return;
        references.setMetadata(batch.map((id) => [id, results[id] ?? { status: 'unavailable', reason: 'malformed' }]));
        upgradeLinks(results);
      }
    };

    const upgradeLinks = (results: Record<string, LookupResult>) => {
      quietly(() => {
        for (const ref of references.all.values()) {
          const result = results[ref.id];
          if (result?.status !== 'found') continue;
          for (const anchor of ref.anchors) {
            // The page's own links keep their href; ours now lead to the document itself.
            if (!anchor.hasAttribute(ATTR_EXISTING)) anchor.href = result.meta.url;
            anchor.title = `${result.meta.label}: ${result.meta.title}`;
          }
        }
      });
    };

    const gather = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = ctx.setTimeout(() => {
        timer = undefined;
        const fresh = references.ids().filter((id) => !asked.has(id));
        if (fresh.length === 0) return;
        for (const id of fresh) asked.add(id);
        void lookUp(fresh);
      }, GATHER_MS);
    };

    references.onRetry((ids) => void lookUp(ids));
    const unsubscribe = references.subscribe(gather);
    // Links that appear later (dynamic content) are looked up as they come; links the metadata
    // already covers are upgraded when they are made again (after a settings change).
    const reapply = references.subscribe(() => {
      const known: Record<string, LookupResult> = {};
      for (const id of references.ids()) {
        const state = references.metadataOf(id);
        if (state && state.status !== 'loading') known[id] = state;
      }
      upgradeLinks(known);
    });
    return () => {
      unsubscribe();
      reapply();
    };
  },
};
