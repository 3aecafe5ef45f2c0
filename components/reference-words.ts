import { plural, type MessageKey } from '@/lib/i18n';
import type { PageReference } from '@/lib/messages/protocol';

/** Words the side panel's reference lists share (ReferenceList.tsx, LawGroup.tsx). */

export function occurrences(count: number): string {
  return plural('occurrences', count);
}

/** What stands in for a title that is not known. */
export const PENDING: Readonly<Record<Exclude<PageReference['state'], 'found'>, MessageKey>> = {
  loading: 'pending_loading',
  'not-found': 'pending_notFound',
  unavailable: 'pending_unavailable',
};
