// `npm run bench`: every benchmark in one run, printed as a table.
import { benchAnchoringInBrowser, benchAnchoringText } from '../bench/anchoring.ts';
import { benchFindReferences } from '../bench/find-references.ts';
import { benchLinkInBrowser } from '../bench/link-in-browser.ts';
import { printTable } from '../bench/measure.ts';

console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
printTable('findReferences on ~10 MB of riksdag-style text (tests/fixtures/text)', benchFindReferences());
printTable('Re-anchoring 500 highlights on the ~1 MB fixture (target ≤ 200 ms)', [
  ...benchAnchoringText(),
  ...(await benchAnchoringInBrowser()),
]);
printTable('Linking the ~1 MB fixtures in Chromium with the built extension (median of 7 loads)', await benchLinkInBrowser());
