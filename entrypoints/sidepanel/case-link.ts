import type { CaseApi } from '@/components/CaseTab';
import type { PageReferencesApi } from '@/components/ReferencesTab';
import { send } from '@/lib/messages/send';
import { parseDocumentUrl } from '@/lib/page/url';

/**
 * The panel's line to "Ärendet": which document the current tab shows (its address, from the
 * page's own answer), then that document's whole trail and every document read that cites it,
 * from the background.
 */
export function createCaseLink(page: PageReferencesApi): CaseApi {
  return {
    async load() {
      const shown = await page.load();
      const dokId = shown ? parseDocumentUrl(shown.url)?.dokId : undefined;
      if (!dokId) return null;
      return { dokId, ...(await send('getTrail', { dokId, exclude: dokId, full: true })) };
    },
    subscribe: (onChange) => page.subscribe(onChange),
  };
}
