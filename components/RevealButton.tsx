import type { ComponentChildren } from 'preact';
import type { PageReference } from '@/lib/messages/protocol';

interface RevealButtonProps {
  reference: PageReference;
  /** The id that holds the list's one Tab stop. */
  active: string | undefined;
  onPick: (id: string) => void;
  onFocusItem: (id: string) => void;
  label?: string;
  children: ComponentChildren;
}

/**
 * One entry of the side panel's reference list, documents and laws alike: the stable attributes
 * tests and the list's keyboard handling rely on (`data-action="reveal"`, `data-id`, roving
 * tabindex), whatever the entry shows.
 */
export function RevealButton({ reference, active, onPick, onFocusItem, label, children }: RevealButtonProps) {
  return (
    <button
      type="button"
      data-action="reveal"
      data-id={reference.id}
      data-state={reference.state}
      data-count={reference.count}
      tabIndex={reference.id === active ? 0 : -1}
      onClick={() => onPick(reference.id)}
      onFocus={() => onFocusItem(reference.id)}
      aria-label={label}
    >
      {children}
    </button>
  );
}
