import type { LookupResult } from '@/lib/messages/protocol';

/*
 * Pieces both hover cards use — the document card (RefCard.tsx) and the law card (LawCard.tsx):
 * the loading skeleton, the "why it failed" sentences, the stale note and a fact row (the copy
 * action is CitationMenu.tsx). Pure, like the cards.
 */

// Made on first use: building a DateTimeFormat costs milliseconds (locale data), and the content
// script that imports this runs on every riksdagen.se page, most of which never show a card.
let longDateFormat: Intl.DateTimeFormat | undefined;
export const longDate = {
  format: (date: Date | number) =>
    (longDateFormat ??= new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric' })).format(date),
};

export type UnavailableReason = Extract<LookupResult, { status: 'unavailable' }>['reason'];

export const REASONS: Readonly<Record<UnavailableReason, string>> = {
  timeout: 'Riksdagens öppna data svarade inte i tid.',
  network: 'Ingen kontakt med Riksdagens öppna data. Är du offline?',
  http: 'Riksdagens öppna data svarade med ett fel.',
  'rate-limited': 'Riksdagens öppna data bad oss vänta en stund.',
  malformed: 'Riksdagens öppna data gav ett svar som inte gick att läsa.',
};

/** Placeholders the size of what is coming, so the card keeps its size when the data arrives. */
export function Loading({ headingId, label }: { headingId: string; label: string }) {
  return (
    <>
      <h2 class="title" id={headingId}>
        <span class="visually-hidden">{label}: hämtar uppgifter …</span>
        <span class="skeleton title-line" aria-hidden="true" />
      </h2>
      <span class="skeleton medium" aria-hidden="true" />
      <span class="skeleton short" aria-hidden="true" />
      <span class="skeleton short" aria-hidden="true" />
    </>
  );
}

export function StaleNote({ fetchedAt }: { fetchedAt: number }) {
  return (
    <p class="note" data-field="stale">
      Sparade uppgifter från {longDate.format(fetchedAt)}. De kan ha ändrats sedan dess.
    </p>
  );
}

export function Fact({ term, value, field }: { term: string; value: string; field: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd data-field={field}>{value}</dd>
    </>
  );
}

/** A card that could not show its document: its name as the heading, what went wrong, and why. */
export function Problem({ headingId, title, problem, explain }: { headingId: string; title: string; problem: string; explain: string }) {
  return (
    <>
      <h2 class="title" id={headingId}>
        {title}
      </h2>
      <p class="problem">{problem}</p>
      <p class="explain">{explain}</p>
    </>
  );
}
