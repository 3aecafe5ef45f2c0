import type { UnsyncedReason } from '@/lib/highlights/highlight';

/** Why a highlight stays on this computer (lib/sync/plan.ts), in the reader's words. */
export const UNSYNCED_WORDS: Readonly<Record<UnsyncedReason, string>> = {
  note: 'anteckningen är för lång för webbläsarens synk',
  quote: 'den markerade texten är för lång för webbläsarens synk',
  quota: 'webbläsarens synkutrymme är fullt',
};

/**
 * "Synkas inte: …" beside a highlight that stays on this computer; nothing while it syncs. Shown
 * in the side panel's list and in the page's popover: the content script carries it, so it is
 * kept small (every word of it is here).
 */
export function SyncMark({ reason }: { reason?: UnsyncedReason }) {
  if (!reason) return null;
  return (
    <p class="rr-muted" data-field="unsynced">
      Synkas inte: {UNSYNCED_WORDS[reason]}. Den finns bara på den här datorn.
    </p>
  );
}
