import { t } from '@/lib/i18n';
import { COLORS, type HighlightColor } from '@/lib/highlights/highlight';

/** "Gul", "Yellow", …: a colour's name in the reader's language. */
export const colorName = (color: HighlightColor) => t(`color_${color}`);

/** The four colour buttons, shared by the toolbar and the popover. Arrow keys move between them. */
export function ColorButtons(props: {
  action: string;
  /** "Markera gul", "Gör gul", … */
  labelFor: (name: string) => string;
  current?: HighlightColor;
  onPick: (color: HighlightColor) => void;
}) {
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const buttons = Array.from((event.currentTarget as HTMLElement).querySelectorAll('button'));
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const next = buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
    next?.focus();
    event.preventDefault();
  }
  return (
    <div class="rr-row" role="group" aria-label={t('color_group')} onKeyDown={onKeyDown}>
      {COLORS.map((color) => (
        <button
          type="button"
          key={color}
          class="rr-swatch"
          data-action={props.action}
          data-color={color}
          aria-label={props.labelFor(colorName(color).toLocaleLowerCase())}
          title={props.labelFor(colorName(color).toLocaleLowerCase())}
          aria-pressed={props.current === undefined ? undefined : props.current === color}
          onClick={() => props.onPick(color)}
        />
      ))}
    </div>
  );
}
