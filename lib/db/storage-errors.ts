import { errorMessage } from '../error-message.ts';
import { t, type MessageKey } from '../i18n.ts';
/**
 * What a storage failure means for the reader, in the reader's language. IndexedDB and Dexie report trouble by
 * error name, often wrapped (a transaction aborted by a full disk is an AbortError whose `inner`
 * is the QuotaExceededError), so we look through the wrapping before deciding.
 */

function names(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string') found.push(name);
    current = (current as { inner?: unknown }).inner;
  }
  return found;
}

/** `action` is what failed, a message whose `$1` is the reason (`Markeringen kunde inte sparas: $1`). */
export function storageErrorMessage(error: unknown, action: MessageKey = 'highlight_saveFailed'): string {
  return t(action, reason(error));
}

function reason(error: unknown): string {
  const all = names(error);
  if (all.includes('QuotaExceededError')) return t('storage_quota');
  if (all.includes('VersionError')) return t('storage_newerVersion');
  if (all.includes('BlockedError') || all.includes('DatabaseClosedError') || all.includes('OpenFailedError')) return t('storage_blocked');
  // The database's own words (in the browser's language, or English), as it said them.
  return t('storage_other', errorMessage(error) || t('storage_unknown'));
}
