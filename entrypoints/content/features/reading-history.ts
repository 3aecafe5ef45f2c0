import { send } from '@/lib/messages/send';
import type { Feature } from '../feature';
import { Timer } from '../timer';

/** Linking arrives in chunks and late text: tell the background once it has been quiet this long. */
const SETTLE_MS = 1500;

/**
 * Remembers this page in the reader's reading history (issue 13), so that a card elsewhere can
 * say "you have read N documents that cite this one": once linking settles, ONE message to the
 * background with what the page is and what it cites, again only if that changes. The background
 * decides whether the history is on and keeps it; nothing leaves the machine.
 */
export const readingHistory: Feature = {
  name: 'reading-history',
  runsOn: () => true,
  start({ page, signal, references }) {
    let told = '';
    const tell = () => {
      const refs = references.ids();
      const key = refs.join(' ');
      if (key === told) return;
      told = key;
      // The page's dokId, kind, heading and date (the protocol's schema leaves out the rest, its
      // region), its title (its heading, else the window's), and what it links (none: the
      // background keeps nothing).
      send('recordReading', { ...page, title: document.querySelector('h1')?.textContent || document.title, url: location.href, refs })
        // A background that cannot be reached keeps nothing this time; the page is not bothered.
        .catch(() => {});
    };
    const timer = new Timer(signal, tell);
    const unsubscribe = references.subscribe(() => timer.start(SETTLE_MS));
    return () => {
      unsubscribe();
      timer.cancel();
    };
  },
};
