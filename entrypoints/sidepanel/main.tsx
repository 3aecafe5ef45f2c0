import { render } from 'preact';
import { CaseTab } from '@/components/CaseTab';
import { HighlightsTab } from '@/components/HighlightsTab';
import { ReferencesTab } from '@/components/ReferencesTab';
import { Tabs } from '@/components/Tabs';
import { exportReferences } from './citations-link';
import { followCurrentTab } from './current-tab';
import { createCaseLink } from './case-link';
import { createHighlightsLink } from './highlights-link';
import { createTabLink } from './tab-link';
import './style.css';
import './case.css';

// The side panel (Chrome side_panel, Firefox sidebar_action): what the page in the current tab
// cites, and the reader's highlights. It talks to the page's content script and the background
// through lib/messages, and watches the highlights in the database (read only).
const tab = followCurrentTab();
const references = createTabLink(tab);
const highlights = createHighlightsLink(tab);
const matter = createCaseLink(references);

// `?view=highlights` opens the panel on "Markeringar" (the end-to-end tests use it).
const initial = new URLSearchParams(location.search).get('view') ?? undefined;

function SidePanel() {
  return (
    <Tabs
      label="Riksref"
      initial={initial}
      tabs={[
        { id: 'references', label: 'Referenser', panel: <ReferencesTab api={references} exportReferences={exportReferences} /> },
        { id: 'highlights', label: 'Markeringar', panel: <HighlightsTab api={highlights} /> },
        { id: 'case', label: 'Ärendet', panel: <CaseTab api={matter} /> },
      ]}
    />
  );
}

render(<SidePanel />, document.getElementById('app')!);
