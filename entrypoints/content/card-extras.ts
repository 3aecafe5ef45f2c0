import type { CardExtras } from '@/components/CardTrail';
import { send } from '@/lib/messages/send';
import type { MetadataState } from './page-references';

/**
 * Each card's trail and "cited in" (issue 13), asked of the background once per document and
 * page, when its card first shows with its metadata. The background answers within the request
 * timeout whatever the service does; if it cannot be reached at all the trail says it failed,
 * with a retry, and the rest of the card stays.
 */
export function cardExtras(page: string, onChange: () => void) {
  const known = new Map<string, CardExtras>();
  return {
    /** What is known for the card of `id`; asks when its metadata has just come. */
    of(id: string, state: MetadataState | undefined): CardExtras | undefined {
      // A law's card (LawCard) has no trail; a card still waiting for its metadata, nothing to ask by yet.
      if (!state || state.status === 'loading' || state.status === 'unavailable' || id.startsWith('sfs:')) return undefined;
      if (!known.has(id)) {
        known.set(id, 'loading');
        send('getTrail', { id, dokId: state.status === 'found' ? state.meta.dokId : undefined, exclude: page })
          .catch(() => ({ failed: 'network' as const }))
          .then((answer) => {
            known.set(id, answer);
            onChange();
          });
      }
      return known.get(id);
    },
    /** "Försök igen": forgotten, so the card asks again as it renders. */
    retry(id: string): void {
      known.delete(id);
      onChange();
    },
  };
}
