import './links.css';
import { FEATURES } from './features';
import { runPage } from './page-controller';

// Runs on every riksdagen.se page the manifest matches, but acts only on document pages:
// everything else (start page, search, calendar) is left exactly as it was.
export default defineContentScript({
  matches: ['https://www.riksdagen.se/*', 'https://riksdagen.se/*', 'https://data.riksdagen.se/dokument/*'],
  runAt: 'document_idle',
  main(ctx) {
    try {
      runPage(ctx, FEATURES);
    } catch (error) {
      // The page must never break because of us.
      console.warn('[Riksref] could not start', error);
    }
  },
});
