import { render } from 'preact';
import { CaseTab } from '@/components/CaseTab';
import { HighlightsTab } from '@/components/HighlightsTab';
import { ReferencesTab } from '@/components/ReferencesTab';
import { Tabs } from '@/components/Tabs';
import { t } from '@/lib/i18n';
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
        { id: 'references', label: t('panel_references'), panel: <ReferencesTab api={references} exportReferences={exportReferences} /> },
        { id: 'highlights', label: t('panel_highlights'), panel: <HighlightsTab api={highlights} /> },
        { id: 'case', label: t('panel_case'), panel: <CaseTab api={matter} /> },
      ]}
    />
  );
}

document.documentElement.lang = t('locale');
render(<SidePanel />, document.getElementById('app')!);
