import { ATTR_EXISTING } from '@/lib/page';
import { send, type LookupResult } from '@/lib/messages';
import { MAX_IDS_PER_LOOKUP } from '@/lib/messages/protocol';
import type { LawTextSite } from '@/lib/refs/labels';
import { lawHref } from '@/lib/refs/law-links';
import { linkSettings } from '@/lib/settings';
import type { Feature } from '../feature';
import { Timer } from '../timer';

// Links arrive chunk by chunk on long pages; gather them for a moment so a page view costs one
// lookup, not one per chunk. Once the page is linked to its end there is nothing to wait for.
const GATHER_MS = 250;

/**
 * Asks the background, in one batch, what each reference on the page is, then points every link
 * we made at the document's own page and gives it the title as a tooltip. Links stay on their
 * fallback address when the metadata is unavailable; the hover card offers a retry. Law links
 * keep the reader's choice of site (lawHref): lagen.nu stays lagen.nu, riksdagen.se gets the
 * law's own page at the place's anchor.
 */
export const referenceMetadata: Feature = {
  name: 'reference-metadata',
  runsOn: () => true,
  start({ signal, quietly, references }) {
    const asked = new Set<string>();
    const found = new Map<string, LookupResult>();
    let upgraded = new WeakSet<Element>();
    // Links are upgraded only once the reader's choice of law site is known (one storage read,
    // usually done long before the first lookup has gathered its ids).
    let lawSite: LawTextSite | undefined;
    const settingsRead = linkSettings.get().then((settings) => {
      if (signal.aborted) return;
      lawSite ??= settings.lawSite;
      if (found.size > 0) upgradeLinks();
    });
    const unwatchSettings = linkSettings.watch((settings) => {
      if (settings.lawSite === lawSite) return;
      lawSite = settings.lawSite;
      // The linking feature remakes its links on a settings change; these may be the old ones.
      upgraded = new WeakSet();
      upgradeLinks();
    });

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
        // The links and the cards learn the answer together: the links need the reader's law site.
        await settingsRead;
        if (signal.aborted) return;
        for (const [id, result] of Object.entries(results)) if (result.status === 'found') found.set(id, result);
        // Links first, so that whoever hears of the metadata finds them as they now are.
        upgradeLinks();
        references.setMetadata(batch.map((id) => [id, results[id] ?? { status: 'unavailable', reason: 'malformed' }]));
      }
    };

    /** Points every link whose document is found at that document (each anchor once). */
    const upgradeLinks = () => {
      const site = lawSite;
      if (site === undefined) return;
      // Each id's address and title made once, for its first link not yet upgraded: a document
      // cites the same few again and again (on a reference-dense page, making them per link was
      // a tenth of this pass), and a pass over links all done already makes nothing.
      const made = new Map<string, { href: string; title: string }>();
      quietly(() => {
        for (const ref of references.all.values()) {
          const result = found.get(ref.id);
          if (result?.status !== 'found') continue;
          for (const anchor of ref.anchors) {
            if (upgraded.has(anchor)) continue;
            upgraded.add(anchor);
            let upgrade = made.get(ref.id);
            if (!upgrade) {
              const href = ref.kind === 'sfs' ? lawHref(ref.id, site, result.meta.url) : result.meta.url;
              made.set(ref.id, (upgrade = { href, title: `${result.meta.label}: ${result.meta.title}` }));
            }
            // The page's own links keep their href; ours now lead to the document itself.
            if (!anchor.hasAttribute(ATTR_EXISTING)) anchor.href = upgrade.href;
            anchor.title = upgrade.title;
          }
        }
      });
    };

    const lookUpTimer = new Timer(signal, () => {
      const fresh = references.ids().filter((id) => !asked.has(id));
      if (fresh.length === 0) return;
      for (const id of fresh) asked.add(id);
      void lookUp(fresh);
    });
    const gather = () => lookUpTimer.start(references.linkingDone ? 0 : GATHER_MS);

    references.onRetry((ids) => void lookUp(ids));
    const unsubscribe = references.subscribe(gather);
    // Links made after their metadata arrived (late text, a settings change) are upgraded as they
    // appear; until some metadata has arrived there is nothing to do, which keeps the linking of
    // a long document from paying for this on every chunk.
    const reapply = references.subscribe(() => {
      if (found.size > 0) upgradeLinks();
    });
    return () => {
      unsubscribe();
      reapply();
      unwatchSettings();
    };
  },
};
