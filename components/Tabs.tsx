import type { ComponentChildren } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';

/*
 * Tabs as the WAI-ARIA pattern describes them: one Tab stop for the tab list, arrow keys (and
 * Home/End) move between tabs and show them at once, Tab goes on into the panel.
 */

export interface TabSpec {
  id: string;
  label: string;
  panel: ComponentChildren;
}

export function Tabs({ label, tabs, initial }: { label: string; tabs: readonly TabSpec[]; initial?: string }) {
  const base = useId();
  const [selected, setSelected] = useState(initial ?? tabs[0]?.id);
  const list = useRef<HTMLDivElement>(null);

  const select = (id: string | undefined, focus: boolean) => {
    if (id === undefined) return;
    setSelected(id);
    if (focus) list.current?.querySelector<HTMLElement>(`[data-tab="${CSS.escape(id)}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const next = {
      ArrowRight: tabs[(at + 1) % tabs.length],
      ArrowLeft: tabs[(at - 1 + tabs.length) % tabs.length],
      Home: tabs[0],
      End: tabs[tabs.length - 1],
    }[event.key];
    if (!next) return;
    event.preventDefault();
    select(next.id, true);
  };

  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            data-tab={tab.id}
            aria-selected={tab.id === selected ? 'true' : 'false'}
            aria-controls={`${base}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => select(tab.id, false)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          data-panel={tab.id}
          hidden={tab.id !== selected}
          tabIndex={0}
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
