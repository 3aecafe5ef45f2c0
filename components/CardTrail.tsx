import type { TrailAnswer } from '@/lib/messages/protocol';

/*
 * A document's trail and the documents that cite it (issue 13): the part of the hover card below
 * its facts, and the lines the side panel's "Ärendet" shows. The background words every line
 * (lib/riksdagen/trail-lines.ts); this only renders them, as text and links (never markup).
 */

type Line = NonNullable<TrailAnswer['trail']>[number];
export type TrailLink = NonNullable<Line['links']>[number];

/** What the card knows of a document's trail: asked for, or answered. */
export type CardExtras = { status: 'loading' } | { status: 'ready'; answer: TrailAnswer };

export const TRAIL_TEXT = {
  heading: 'Ärendets gång',
  failed: 'Ärendets gång kunde inte hämtas',
  retry: 'Försök igen',
  citedBy: 'Citeras i',
  read: (n: number) => `Du har läst ${n} dokument som hänvisar hit`,
  more: (n: number) => `och ${n} till`,
};

/** A document as a link to its page, or as text when the data gives no address. */
export function DocLink({ link }: { link: TrailLink }) {
  return link.url ? (
    <a href={link.url} title={link.title}>
      {link.label}
    </a>
  ) : (
    <span title={link.title}>{link.label}</span>
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
 * retry — the rest of the card stays either way), then who cites the document.
 */
export function CardTrail({ extras, onRetry }: { extras: CardExtras; onRetry?: () => void }) {
  const answer = extras.status === 'ready' ? extras.answer : undefined;
  const cited = answer?.citedBy;
  const more = cited ? cited.total - cited.links.length : 0;
  return (
    <div class="extras" data-trail={answer ? (answer.failed ? 'failed' : 'ready') : 'loading'}>
      {!answer && <span class="skeleton medium" aria-hidden="true" />}
      {answer?.failed && (
        <p class="trail-failed">
          {TRAIL_TEXT.failed}{' '}
          <button type="button" data-action="retry-trail" onClick={() => onRetry?.()}>
            {TRAIL_TEXT.retry}
          </button>
        </p>
      )}
      {answer?.trail && answer.trail.length > 0 && (
        <>
          <h3>{TRAIL_TEXT.heading}</h3>
          <TrailLines lines={answer.trail} />
        </>
      )}
      {cited && cited.total > 0 && (
        <>
          <h3>{TRAIL_TEXT.citedBy}</h3>
          <p data-field="cited-by">
            {TRAIL_TEXT.read(cited.total)}:
            {cited.links.map((link, i) => (
              <>
                {i ? ', ' : ' '}
                <DocLink link={link} />
              </>
            ))}
            {more > 0 && ` ${TRAIL_TEXT.more(more)}`}
          </p>
        </>
      )}
    </div>
  );
}
