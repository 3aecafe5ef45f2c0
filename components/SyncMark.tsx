import { t } from '@/lib/i18n';
import type { UnsyncedReason } from '@/lib/highlights/highlight';

/**
 * "Synkas inte: …" beside a highlight that stays on this computer; nothing while it syncs. Shown
 * in the side panel's list and in the page's popover: the content script carries it, so it is
 * kept small. Each reason is one whole sentence in _locales (`unsynced_<reason>`).
 */
export function SyncMark({ reason }: { reason?: UnsyncedReason }) {
  if (!reason) return null;
  return (
    <p class="rr-muted" data-field="unsynced">
      {t(`unsynced_${reason}`)}
    </p>
  );
}
