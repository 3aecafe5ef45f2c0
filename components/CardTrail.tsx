import { t } from '@/lib/i18n';
import type { TrailAnswer } from '@/lib/messages/protocol';

/*
 * A document's trail and the documents that cite it (issue 13): the part of the hover card below
 * its facts, and the lines the side panel's "Ärendet" shows. The background words every line
 * (lib/riksdagen/trail-lines.ts); this only renders them, as text and links (never markup).
 */

type Line = NonNullable<TrailAnswer['trail']>[number];
export type TrailLink = NonNullable<Line['links']>[number];

/** What the card knows of a document's trail: asked for (`loading`), or the background's answer. */
export type CardExtras = 'loading' | TrailAnswer;

/**
 * A document as a link to its page. Without an address (the data named it only in words) it is an
 * `<a>` without `href`: text, not a link, neither focusable nor announced as one.
 */
export function DocLink({ link }: { link: TrailLink }) {
  return (
    <a href={link.url} title={link.title}>
      {link.label}
    </a>
  );
}

export function TrailLines({ lines }: { lines: readonly Line[] }) {
  return (
    <ul class="trail">
      {lines.map((line) => (
        <li data-field={line.field}>
          {line.text}
          {line.links?.map((link, i) => (
            <>
              {i ? ', ' : ' '}
              <DocLink link={link} />
            </>
          ))}
          {line.rest && ` ${line.rest}`}
        </li>
      ))}
    </ul>
  );
}

/**
 * The card's part: the trail (a placeholder while it comes, its lines, or what failed with a
 * retry — the rest of the card stays either way), then who cites the document. Term and lines
 * as the card's facts are (`.facts`), so it looks like the rest of the card and costs no style.
 */
export function CardTrail({ extras, onRetry }: { extras: CardExtras; onRetry?: () => void }) {
  const answer = extras === 'loading' ? undefined : extras;
  return (
    <div class="extras" aria-busy={answer ? undefined : 'true'}>
      {!answer && <span class="skeleton medium" aria-hidden="true" />}
      {answer?.failed && (
        <p class="problem">
          {t('trail_failed')}{' '}
          <button type="button" data-action="retry-trail" onClick={() => onRetry?.()}>
            {t('retry')}
          </button>
        </p>
      )}
      <dl class="facts">
        {!!answer?.trail?.length && (
          <>
            <dt>{t('trail_heading')}</dt>
            <dd>
              <TrailLines lines={answer.trail} />
            </dd>
          </>
        )}
        {answer?.citedBy && (
          <>
            <dt>{t('trail_citedBy')}</dt>
            <dd>
              <TrailLines lines={[answer.citedBy]} />
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
