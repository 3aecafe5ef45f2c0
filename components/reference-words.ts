import type { PageReference } from '@/lib/messages/protocol';

/** Words the side panel's reference lists share (ReferenceList.tsx, LawGroup.tsx). */

export function occurrences(count: number): string {
  return count === 1 ? '1 förekomst' : `${count} förekomster`;
}

/** What stands in for a title that is not known. */
export const PENDING: Readonly<Record<Exclude<PageReference['state'], 'found'>, string>> = {
  loading: 'Hämtar titel …',
  'not-found': 'Finns inte i Riksdagens öppna data',
  unavailable: 'Titeln kunde inte hämtas',
};
