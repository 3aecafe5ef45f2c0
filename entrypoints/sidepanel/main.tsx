import { render } from 'preact';
import { ReferencesTab } from '@/components/ReferencesTab';
import { Tabs } from '@/components/Tabs';
import { createTabLink } from './tab-link';
import { HighlightsTab } from './highlights-tab';
import './style.css';

// The side panel (Chrome side_panel, Firefox sidebar_action): what the page in the current tab
// cites, and the reader's highlights. It talks to the page's content script through lib/messages.
function SidePanel() {
  return (
    <Tabs
      label="Riksref"
      tabs={[
        { id: 'references', label: 'Referenser', panel: <ReferencesTab api={createTabLink()} /> },
        { id: 'highlights', label: 'Markeringar', panel: <HighlightsTab /> },
      ]}
    />
  );
}

render(<SidePanel />, document.getElementById('app')!);
