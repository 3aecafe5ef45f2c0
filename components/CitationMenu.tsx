import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CitationFormat } from '@/lib/cite/formats';
import { t } from '@/lib/i18n';

/*
 * "Kopiera hänvisning" on the hover cards (issue 14): a menu button offering the formats — a
 * Swedish reference, RIS, BibTeX, CSL-JSON. Keyboard as a menu button should be (WAI-ARIA APG):
 * Enter, Space or the arrows open it on its first choice; the arrows, Home and End move; Enter or
 * Space copies; Escape closes it (and only it: the card stays) with focus back on the button; Tab
 * closes it and goes on from the button. The choices are not Tab stops, so the card's own Tab
 * order (the hover card feature's) never meets them. Pure: the caller formats and copies.
 */

// The formats' own names are names in every language; only the first is ours to word.
export const CITATION_CHOICES: readonly { format: CitationFormat; label: () => string }[] = [
  { format: 'swedish', label: () => t('cite_swedish') },
  { format: 'ris', label: () => 'RIS (Zotero, EndNote)' },
  { format: 'bibtex', label: () => 'BibTeX' },
  { format: 'csl-json', label: () => 'CSL-JSON' },
];

/**
 * The copy's outcome as a note for the card's status line. A new reference in the same card
 * starts without the previous one's note, and a late answer for the previous one is dropped.
 */
export function useCopyNote(id: string, onCopy: ((format: CitationFormat) => void | Promise<void>) | undefined) {
  const [note, setNote] = useState('');
  const current = useRef(id);
  current.current = id;
  useEffect(() => setNote(''), [id]);
  const copy = async (format: CitationFormat) => {
    const label = CITATION_CHOICES.find((choice) => choice.format === format)?.label() ?? format;
    let outcome: string;
    try {
      await onCopy?.(format);
      outcome = t('cite_copied', label);
    } catch {
      outcome = t('cite_failed');
    }
    if (current.current === id) setNote(outcome);
  };
  return [note, copy] as const;
}

export function CitationMenu({ onPick }: { onPick: (format: CitationFormat) => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  // Before the browser paints: a key pressed as soon as the menu shows must reach the menu.
  useLayoutEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const pick = (format: CitationFormat) => {
    close();
    onPick(format);
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(event.target as HTMLElement);
    const to = { ArrowDown: (at + 1) % all.length, ArrowUp: (at - 1 + all.length) % all.length, Home: 0, End: all.length - 1 }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      all[to]?.focus();
    } else if (event.key === 'Escape') {
      // The card closes on Escape too (hover-cards.ts listens on the document): this one is the menu's.
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const format = (event.target as HTMLElement).dataset.format as CitationFormat | undefined;
      if (format) pick(format);
    } else if (event.key === 'Tab') {
      // Not prevented: from the button, the browser (and the card) carry on as from the button.
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        data-action="copy"
        aria-haspopup="menu"
        aria-expanded={open ? 'true' : 'false'}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            // The menu is open but focus has not reached it yet: Escape is still the menu's.
            event.preventDefault();
            event.stopPropagation();
            close();
            return;
          }
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        {t('cite_button')}
      </button>
      {open && (
        <div
          class="menu"
          role="menu"
          ref={menu}
          aria-label={t('cite_menu')}
          onKeyDown={onMenuKey}
          onFocusOut={(event) => {
            const to = event.relatedTarget as Node | null;
            if (to !== button.current && !menu.current?.contains(to)) setOpen(false);
          }}
        >
          {CITATION_CHOICES.map(({ format, label }) => (
            <div key={format} role="menuitem" tabIndex={-1} data-action="copy-as" data-format={format} onClick={() => pick(format)}>
              {label()}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
