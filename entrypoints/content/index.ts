import './links.css';
import { runPage } from './page-controller';

// Runs on every riksdagen.se page the manifest matches, but acts only on document pages:
// everything else (start page, search, calendar) is left exactly as it was.
export default defineContentScript({
  matches: ['https://www.riksdagen.se/*', 'https://riksdagen.se/*', 'https://data.riksdagen.se/dokument/*'],
  runAt: 'document_idle',
  // WXT tells an older copy of this script to stop with a DOM event, and by default also with a
  // window.postMessage kept for old WXT versions. That message wakes every message listener of
  // the site and cost 13 ms of the page's main thread at each load (measured in Chromium on the
  // start page); the event alone does the job between our own copies.
  noScriptStartedPostMessage: true,
  main(ctx) {
    try {
      // The features and all they import (the recognizer and its tables, zod's schemas, Preact) are
      // set up only once a document page is found: most riksdagen.se pages are not documents, and
      // that set-up was most of what the script cost them (about 8 ms of 11 in a profile of the
      // start page). The bundle stays one file: this import fetches nothing, it only runs the
      // modules' top-level code then rather than at load.
      runPage(ctx, () => import('./features').then((m) => m.FEATURES));
    } catch (error) {
      // The page must never break because of us.
      console.warn('[Riksref] could not start', error);
    }
  },
});
