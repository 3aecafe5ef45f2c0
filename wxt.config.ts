import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The hosts we read pages from and ask for metadata. Nothing else: see DESIGN.md, "Minimal permissions".
import { RIKSDAGEN_HOSTS } from './lib/permissions/hosts';

export default defineConfig({
  // Firefox defaults to MV2 in WXT; we ship MV3 to both browsers.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // RIKSREF_NO_MINIFY=1 for profiling: a CPU profile of an unminified build names its lines.
    ...(process.env.RIKSREF_NO_MINIFY && { build: { minify: false } }),
  }),
  manifest: ({ browser }) => ({
    name: 'Riksref',
    description: '__MSG_extDescription__',
    // Swedish in a Swedish browser, English in any other: the browser falls back to the default.
    default_locale: 'en',
    host_permissions: RIKSDAGEN_HOSTS,
    // storage: the reader's settings and the highlights' copy in the browser's sync (storage.sync),
    // this computer's record of deletions (storage.local). contextMenus: "Spara markering" in the
    // context menu of a selection (highlights). Nothing else: no tabs, no <all_urls>. (WXT adds
    // Chrome's `sidePanel` itself for the sidepanel entrypoint; Firefox's sidebar needs none.)
    permissions: ['storage', 'contextMenus'],
    // The toolbar button opens the side panel (background.ts); no popup.
    action: { default_title: 'Riksref' },
    // Alt+Shift+H: the keyboard's way to highlights (lib/messages/tab-commands.ts): into the
    // selection's toolbar, or into the popover of the highlight at the caret. The reader can
    // change the key in the browser.
    commands: {
      'highlight-from-keyboard': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_highlightFromKeyboard__',
      },
    },
    icons: {
      16: 'icon/16.png',
      32: 'icon/32.png',
      48: 'icon/48.png',
      128: 'icon/128.png',
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'riksref@riksref.se',
          // 140 is the first desktop Firefox that reads data_collection_permissions, and the ESR
          // (Debian's firefox-esr, which the end-to-end tests drive); Android reads it from 142.
          strict_min_version: '140.0',
          // Riksref collects nothing: everything stays in the reader's browser, and highlights reach
          // their other computers only through the browser's own sync (storage.sync).
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
