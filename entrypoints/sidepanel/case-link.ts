import type { CaseApi } from '@/components/CaseTab';
import type { PageReferencesApi } from '@/components/ReferencesTab';
import { sendHistory } from '@/lib/history/messages';
import { parseDocumentUrl } from '@/lib/page/url';

/**
 * The page's dok_id as its address writes it: the site's addresses use the open data's own casing
 * (`…_HB01UbU5/`), which parseDocumentUrl upper-cases for keys; the trail is asked for as written,
 * except where an old address wrote it all in lower case.
 */
export function asWritten(url: string): string | undefined {
  const dokId = parseDocumentUrl(url)?.dokId;
  if (!dokId) return undefined;
  let path = url;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    // parseDocumentUrl read it; keep the address as it is.
  }
  const at = path.toUpperCase().lastIndexOf(dokId);
  const written = at >= 0 ? path.slice(at, at + dokId.length) : dokId;
  // Old addresses write it all in lower case (`…_gq02fö259`): that is not the open data's casing.
  return written === written.toLowerCase() ? dokId : written;
}

/**
 * The panel's line to "Ärendet": which document the current tab shows (its address, from the
 * page's own answer), then that document's whole trail and every document read that cites it,
 * from the background.
 */
export function createCaseLink(page: PageReferencesApi): CaseApi {
  return {
    async load() {
      const shown = await page.load();
      const dokId = shown ? asWritten(shown.url) : undefined;
      if (!dokId) return null;
      return { dokId, ...(await sendHistory('getCase', { dokId })) };
    },
    subscribe: (onChange) => page.subscribe(onChange),
  };
}
