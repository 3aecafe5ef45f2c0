import { formatLongDate, t } from '@/lib/i18n';
import type { LookupResult } from '@/lib/messages/protocol';

/*
 * Pieces both hover cards use — the document card (RefCard.tsx) and the law card (LawCard.tsx):
 * the loading skeleton, the "why it failed" sentences, the stale note and a fact row (the copy
 * action is CitationMenu.tsx). Pure, like the cards.
 */

export type UnavailableReason = Extract<LookupResult, { status: 'unavailable' }>['reason'];

const REASON_KEYS = {
  timeout: 'reason_timeout',
  network: 'reason_network',
  http: 'reason_http',
  'rate-limited': 'reason_rateLimited',
  malformed: 'reason_malformed',
} as const satisfies Record<UnavailableReason, string>;

/** Why the open data could not be had, as a sentence. */
export const reasonText = (reason: UnavailableReason) => t(REASON_KEYS[reason]);

/** Placeholders the size of what is coming, so the card keeps its size when the data arrives. */
export function Loading({ headingId, label }: { headingId: string; label: string }) {
  return (
    <>
      <h2 class="title" id={headingId}>
        <span class="visually-hidden">{t('card_loading', label)}</span>
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
      {t('card_stale', formatLongDate(fetchedAt))}
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
