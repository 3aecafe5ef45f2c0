import { detectPage } from '@/lib/page';

// The content script runs on every riksdagen.se page the manifest matches, but acts only on
// document pages: everything else (start page, search, calendar) is left exactly as it was.
export default defineContentScript({
  matches: ['https://www.riksdagen.se/*', 'https://riksdagen.se/*', 'https://data.riksdagen.se/dokument/*'],
  runAt: 'document_idle',
  main() {
    try {
      const page = detectPage(location.href, document);
      if (!page) return;
      // Recorded on the page so tests and later features can see what we decided.
      document.documentElement.dataset.riksrefPage = page.kind;
      document.documentElement.dataset.riksrefDokId = page.dokId;
    } catch (error) {
      // The page must never break because of us.
      console.warn('[Riksref] could not read this page', error);
    }
  },
});
