import { t } from '@/lib/i18n';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { HighlightColor } from '@/lib/highlights/highlight';
import { ColorButtons } from './ColorButtons.tsx';

export interface SelectionToolbarProps {
  /** Save the selection in a colour. */
  onHighlight: (color: HighlightColor) => void;
  /** Save the selection with a note (in the default colour). */
  onNote: (note: string) => void;
  /** Close without saving (Escape). */
  onClose: () => void;
  /**
   * A failed save: its message, and ways not to lose what the reader made — try again (with the
   * note as it is now in the field, if it is open), copy the text and note, or close.
   */
  error?: string;
  onRetry?: (note: string | undefined) => void;
  onCopy?: (note: string | undefined) => Promise<void>;
  /** Colour used for "Anteckning". */
  defaultColor?: HighlightColor;
}

/**
 * The toolbar's accessible name says how to use it from the keyboard. Alt+Shift+H is the
 * keyboard command's default (wxt.config.ts); a reader who changed it in the browser knows their
 * own key, and a content script cannot read it.
 */
/**
 * Appears at a selection in the document: four colours and "Anteckning". No I/O: the content
 * script decides what saving means. Keyboard: the keyboard command brings focus here, Tab reaches
 * every control, arrows move between colours, Escape closes.
 */
export function SelectionToolbar(props: SelectionToolbarProps) {
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState('');
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const noteId = useId();
  const noteField = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (writing) noteField.current?.focus();
  }, [writing]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onClose();
    }
  }

  return (
    <div class="rr-panel" role="toolbar" aria-label={t('toolbar_label')} aria-keyshortcuts="Alt+Shift+H" onKeyDown={onKeyDown}>
      <div class="rr-row">
        <ColorButtons action="highlight" labelFor={(name) => t('toolbar_highlightIn', name)} onPick={props.onHighlight} />
        <button type="button" data-action="note" aria-expanded={writing} onClick={() => setWriting(!writing)}>
          {t('note')}
        </button>
      </div>
      {writing && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            props.onNote(note);
          }}
        >
          <label for={noteId}>{t('note')}</label>
          <textarea id={noteId} ref={noteField} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <div class="rr-row">
            <button type="submit" data-action="save-note">
              {t('save')}
            </button>
            <button type="button" data-action="cancel" onClick={props.onClose}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {props.error && (
        <div role="alert">
          <p class="rr-error">{props.error}</p>
          <div class="rr-row">
            {props.onRetry && (
              <button type="button" data-action="retry" onClick={() => props.onRetry!(writing ? note : undefined)}>
                {t('retry')}
              </button>
            )}
            {props.onCopy && (
              <button
                type="button"
                data-action="copy"
                onClick={() =>
                  props.onCopy!(writing ? note : undefined).then(
                    () => setCopied(t('toolbar_copied')),
                    () => setCopied(t('toolbar_copyFailed')),
                  )
                }
              >
                {t('toolbar_copyUnsaved')}
              </button>
            )}
            <button type="button" data-action="close" onClick={props.onClose}>
              {t('close')}
            </button>
          </div>
          {copied && <p role="status">{copied}</p>}
        </div>
      )}
    </div>
  );
}
