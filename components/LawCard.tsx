import { t } from '@/lib/i18n';
import { kindName } from '@/lib/refs/labels';
import { lawAnchorOf, lawPlaceLabel, parseLawAnchor } from '@/lib/refs/law-anchors';
import { lawCitation, lawHref, sfsNumberOf, wholeLawHref } from '@/lib/refs/law-links';
import type { LawPlaceText } from '@/lib/riksdagen/types';
import { Fact, Loading, Problem, reasonText, StaleNote } from './card-parts';
import { CitationMenu, useCopyNote } from './CitationMenu';
import type { CardState, RefCardProps } from './RefCard';

/*
 * The hover card for a law or a place in one (issue 11): the law's title as the open data gives
 * it, the place ("10 kap. 2 §"), the section's own words, how far the text is consolidated, and a
 * note when the page's document is older than that text. Same contract as the document card:
 * states in `data-state` (plus the place's own in `data-place`), actions in `data-action`, text
 * for assistive technology from describeLawCard. Pure; the section's words are rendered as text.
 */

type Meta = Extract<CardState, { status: 'found' }>['meta'];

const SITE_NAMES = { riksdagen: 'riksdagen.se', 'lagen.nu': 'lagen.nu' } as const;

/**
 * Whether the page's document may have been written against an older wording than the one shown.
 * The consolidation is known only by its last amending SFS number, whose year is the year that
 * amendment was issued: a document from an earlier year certainly predates it. In the same year
 * we cannot tell (and amendments often come into force later than they are issued), so the note
 * is shown then too — it says "may differ", which stays true. A later document is not told.
 */
export function mayPredateWording(documentDate: string | undefined, consolidatedThrough: string | undefined): boolean {
  const documentYear = /^(\d{4})-\d{2}-\d{2}$/.exec(documentDate ?? '')?.[1];
  const amendmentYear = /(\d{4}):\d+/.exec(consolidatedThrough ?? '')?.[1];
  if (!documentYear || !amendmentYear) return false;
  return Number(documentYear) <= Number(amendmentYear);
}

/** `10 kap.` alone is a chapter; everything else names a section. */
function isChapter(anchor: string): boolean {
  const place = parseLawAnchor(anchor);
  return !!place?.chapter && !place.section;
}

/** The card's text for assistive technology (aria-describedby), for a law or a place in it. */
export function describeLawCard(id: string, state: CardState | undefined): string {
  const sfs = sfsNumberOf(id) ?? id;
  const anchor = lawAnchorOf(id);
  const meta = state?.status === 'found' ? state.meta : undefined;
  const placeLabel = anchor ? (meta?.law?.place?.label ?? lawPlaceLabel(anchor)) : undefined;
  const head = placeLabel ? `${t('law_provision')}, ${placeLabel} SFS ${sfs}` : `${kindName('sfs')}, SFS ${sfs}`;
  if (!state || state.status === 'loading') return `${head}. ${t('card_describeLoading')}`;
  if (state.status === 'not-found') return `${head}. ${t('law_notFound')}.`;
  if (state.status === 'unavailable') return `${head}. ${t('card_unavailable')}.`;
  const parts = [`${head}: ${state.meta.title}`];
  const place = anchor ? state.meta.law?.place : undefined;
  if (place?.state === 'found' && place.paragraphs?.length) parts.push(shorten(place.paragraphs.join(' '), 240));
  if (place?.state === 'missing') parts.push(t('law_placeMissing', placeLabel ?? ''));
  if (place?.state === 'unavailable') parts.push(t('law_textUnavailable'));
  if (state.meta.law?.consolidatedThrough) parts.push(t('law_amendedThrough', state.meta.law.consolidatedThrough));
  return parts.map((part) => (/[.!?…]$/.test(part.trim()) ? part.trim() : `${part.trim().replace(/[:;,]$/, '')}.`)).join(' ');
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')} …`;
}

export function LawCard({ id, state, onRetry, onCopy, headingId = 'riksref-card-title', lawSite = 'riksdagen', documentDate }: RefCardProps) {
  const sfs = sfsNumberOf(id) ?? id;
  const anchor = lawAnchorOf(id);
  const status = state?.status ?? 'loading';
  const meta = state?.status === 'found' ? state.meta : undefined;
  const place = anchor ? meta?.law?.place : undefined;
  const placeLabel = anchor ? (place?.label ?? lawPlaceLabel(anchor)) : undefined;
  const [copyNote, copyCitation] = useCopyNote(id, onCopy);
  // Before the metadata, the table's name for the law (or its number) stands in for the title.
  const nameWithoutTitle = lawCitation(placeLabel, sfs);
  const retry = status === 'unavailable' || place?.state === 'unavailable';

  return (
    <section
      class="card"
      data-state={status}
      data-kind="sfs"
      data-place={place?.state}
      data-stale={state?.status === 'found' && state.stale ? 'true' : undefined}
      aria-labelledby={headingId}
      aria-busy={status === 'loading' ? 'true' : undefined}
    >
      <div class="head">
        <p class="kind">{anchor ? t('law_provision') : kindName('sfs')}</p>
        <p class="label">SFS {sfs}</p>
      </div>
      {status === 'loading' && <Loading headingId={headingId} label={nameWithoutTitle} />}
      {meta && (
        <FoundLaw
          meta={meta}
          sfs={sfs}
          anchor={anchor}
          placeLabel={placeLabel}
          documentDate={documentDate}
          stale={state?.status === 'found' && state.stale === true}
          headingId={headingId}
        />
      )}
      {status === 'not-found' && (
        <Problem
          headingId={headingId}
          title={nameWithoutTitle}
          problem={t('law_notFound')}
          explain={t('law_notFoundExplain', SITE_NAMES[lawSite])}
        />
      )}
      {state?.status === 'unavailable' && (
        <Problem headingId={headingId} title={nameWithoutTitle} problem={t('card_unavailable')} explain={reasonText(state.reason)} />
      )}
      <div class="actions">
        {retry && (
          <button type="button" class="primary" data-action="retry" onClick={() => onRetry?.()}>
            {t('retry')}
          </button>
        )}
        {status !== 'loading' && anchor && place?.state !== 'missing' && (
          <a data-action="open-place" href={lawHref(id, lawSite, meta?.url)}>
            {isChapter(anchor) ? t('law_openChapter') : t('law_openSection')}
          </a>
        )}
        {status !== 'loading' && (
          <a data-action="open-law" href={wholeLawHref(id, lawSite, meta?.url)}>
            {anchor ? t('law_wholeLaw') : t('law_openLaw')}
          </a>
        )}
        {status !== 'loading' && <CitationMenu key={id} onPick={(format) => void copyCitation(format)} />}
      </div>
      <p class="copied" role="status">
        {copyNote}
      </p>
    </section>
  );
}

interface FoundLawProps {
  meta: Meta;
  sfs: string;
  anchor: string | undefined;
  placeLabel: string | undefined;
  documentDate: string | undefined;
  stale: boolean;
  headingId: string;
}

function FoundLaw({ meta, sfs, anchor, placeLabel, documentDate, stale, headingId }: FoundLawProps) {
  const consolidated = meta.law?.consolidatedThrough;
  const place = anchor ? meta.law?.place : undefined;
  return (
    <>
      <h2 class="title" id={headingId}>
        {meta.title}
      </h2>
      {anchor && placeLabel ? (
        <Place place={place} label={placeLabel} />
      ) : (
        <dl class="facts">
          <Fact term={t('law_sfsNumber')} value={sfs} field="sfs" />
        </dl>
      )}
      {consolidated && (
        <dl class="facts">
          <Fact term={t('law_amended')} value={consolidated} field="consolidated" />
        </dl>
      )}
      {place?.state === 'found' && mayPredateWording(documentDate, consolidated) && (
        <p class="note" data-field="current-wording">
          {t('law_currentWording', documentDate ?? '')}
        </p>
      )}
      {stale && <StaleNote fetchedAt={meta.fetchedAt} />}
    </>
  );
}

/** The place, its chapter's heading, and its words — or why they are not here. */
function Place({ place, label }: { place: LawPlaceText | undefined; label: string }) {
  const paragraphs = place?.state === 'found' ? (place.paragraphs ?? []) : [];
  return (
    <>
      <h3 class="place" data-field="place">
        {label}
      </h3>
      {place?.chapterTitle && (
        <p class="chapter-title" data-field="chapter">
          {place.chapterTitle}
        </p>
      )}
      {paragraphs.length > 0 && (
        // Its own scroll, so a long section does not push the actions off screen; focusable, so
        // a keyboard can scroll it (arrow keys) and a screen reader can land on it.
        <div class="law-text" data-field="law-text" role="region" aria-label={t('law_text', label)} tabIndex={0}>
          {paragraphs.map((text, i) => (
            <p key={i}>{text}</p>
          ))}
        </div>
      )}
      {place?.state === 'missing' && (
        <>
          <p class="problem" data-field="missing">
            {t('law_placeMissing', label)}
          </p>
          <p class="explain">{t('law_placeMissingExplain')}</p>
        </>
      )}
      {place?.state === 'unavailable' && (
        <>
          <p class="problem" data-field="text-unavailable">
            {t('law_textUnavailable')}
          </p>
          {place.reason && <p class="explain">{reasonText(place.reason)}</p>}
        </>
      )}
    </>
  );
}
