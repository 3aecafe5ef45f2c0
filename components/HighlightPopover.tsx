import { t } from '@/lib/i18n';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Highlight, HighlightColor } from '@/lib/highlights/highlight';
import { ColorButtons } from './ColorButtons.tsx';
import { SyncMark } from './SyncMark.tsx';

export interface HighlightPopoverProps {
  highlight: Highlight;
  onSaveNote: (note: string) => void;
  onChangeColor: (color: HighlightColor) => void;
  onDelete: () => void;
  /** "Ångra" after a delete. */
  onUndo: () => void;
  onClose: () => void;
  /** True once the highlight has been deleted: the popover offers "Ångra". */
  deleted?: boolean;
  error?: string;
}

/** Opens on a click in a saved highlight: edit the note, change the colour, delete with "Ångra". */
export function HighlightPopover(props: HighlightPopoverProps) {
  const { highlight } = props;
  const [note, setNote] = useState(highlight.note);
  const noteId = useId();
  const first = useRef<HTMLTextAreaElement>(null);
  const undo = useRef<HTMLButtonElement>(null);

  useEffect(() => setNote(highlight.note), [highlight.id, highlight.note]);
  useEffect(() => {
    if (props.deleted) undo.current?.focus();
    else first.current?.focus();
  }, [props.deleted]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onClose();
    }
  }

  if (props.deleted) {
    return (
      <div class="rr-panel" role="dialog" aria-label={t('popover_deletedLabel')} onKeyDown={onKeyDown}>
        <p role="status">{t('popover_deleted')}</p>
        <div class="rr-row">
          <button type="button" ref={undo} data-action="undo" onClick={props.onUndo}>
            {t('undo')}
          </button>
          <button type="button" data-action="close" onClick={props.onClose}>
            {t('close')}
          </button>
        </div>
        {props.error && <p class="rr-error" role="alert">{props.error}</p>}
      </div>
    );
  }

  return (
    <div class="rr-panel" role="dialog" aria-label={t('popover_label')} onKeyDown={onKeyDown}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onSaveNote(note);
        }}
      >
        <label for={noteId}>{t('note')}</label>
        <textarea id={noteId} ref={first} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        <div class="rr-row">
          <button type="submit" data-action="save-note" disabled={note === highlight.note}>
            {t('popover_saveNote')}
          </button>
        </div>
      </form>
      <ColorButtons action="color" labelFor={(name) => t('popover_makeColor', name)} current={highlight.color} onPick={props.onChangeColor} />
      <SyncMark reason={highlight.unsynced} />
      <div class="rr-row">
        <button type="button" data-action="delete" onClick={props.onDelete}>
          {t('delete')}
        </button>
        <button type="button" data-action="close" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
      {props.error && <p class="rr-error" role="alert">{props.error}</p>}
    </div>
  );
}
