import { render } from 'preact';
import { HostAccessSection, type HostAccessApi } from '@/components/HostAccessSection';
import { CacheSection, type CacheApi } from '@/components/CacheSection';
import { LinkSettingsSection } from '@/components/LinkSettingsSection';
import { SyncSection, type SyncApi } from '@/components/SyncSection';
import { ReadingHistorySection, type ReadingHistoryApi } from '@/components/ReadingHistorySection';
import { sendHistory } from '@/lib/history/messages';
import { readingHistorySettings } from '@/lib/history/settings';
import { RIKSDAGEN_HOSTS } from '@/lib/permissions/hosts';
import { linkSettings } from '@/lib/settings';
import { send } from '@/lib/messages/send';
import { t } from '@/lib/i18n';
import { sendSync } from '@/lib/sync/messages';
import './style.css';

// The options page talks to the background only through lib/messages (the database is there).
const cacheApi: CacheApi = {
  getStats: () => send('getCacheStats', {}),
  clear: () => send('clearCache', {}),
};
const syncApi: SyncApi = {
  getStatus: () => sendSync('getSyncStatus', {}),
  setEnabled: (enabled, removeData) => sendSync('setHighlightSync', { enabled, removeData }),
};

// Firefox lets the reader withhold host permissions; Chrome grants them at install (then the section stays hidden).
const hostAccessApi: HostAccessApi = {
  has: () => browser.permissions.contains({ origins: RIKSDAGEN_HOSTS }),
  request: () => browser.permissions.request({ origins: RIKSDAGEN_HOSTS }),
  onChange(listener) {
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
    return () => {
      browser.permissions.onAdded.removeListener(listener);
      browser.permissions.onRemoved.removeListener(listener);
    };
  },
};

const readingHistoryApi: ReadingHistoryApi = {
  getEnabled: async () => (await readingHistorySettings.get()).enabled,
  setEnabled: (enabled) => readingHistorySettings.set({ enabled }),
  getStats: () => sendHistory('getReadingHistoryStats', {}),
  clear: () => sendHistory('clearReadingHistory', {}),
};

function OptionsPage() {
  return (
    <>
      <h1>{t('options_title')}</h1>
      <HostAccessSection api={hostAccessApi} />
      <LinkSettingsSection api={linkSettings} />
      <SyncSection api={syncApi} />
      <CacheSection api={cacheApi} />
      <ReadingHistorySection api={readingHistoryApi} />
    </>
  );
}

// The page's language and title follow the words (index.html says Swedish until this runs).
document.documentElement.lang = t('locale');
document.title = t('options_title');
render(<OptionsPage />, document.getElementById('app')!);
