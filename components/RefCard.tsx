import { t } from '@/lib/i18n';
import type { LookupResult } from '@/lib/messages/protocol';
import { COMMITTEES } from '@/lib/refs/committees';
import { parseReferenceId } from '@/lib/refs/ids';
import { fallbackUrl, kindName, referenceLabel, type LawTextSite } from '@/lib/refs/labels';
import type { ReferenceKind } from '@/lib/refs/types';
import type { CitationFormat } from '@/lib/cite/formats';
import { Fact, Loading, Problem, reasonText, StaleNote } from './card-parts';
import { CardTrail, type CardExtras } from './CardTrail';
import { CitationMenu, useCopyNote } from './CitationMenu';
import { describeLawCard, LawCard } from './LawCard';

/*
 * The hover card: what a referenced document is, without leaving the page. Pure: it renders what
 * it is given and reports clicks through callbacks; the content script owns fetching, copying and
 * where the card sits. Remote text is rendered as text (Preact escapes it), never as markup.
 * References to laws (kind `sfs`) get the law card (LawCard.tsx): the same shell and contract,
 * with the section's own words.
 */

export type CardState = { status: 'loading' } | LookupResult;
type Meta = Extract<LookupResult, { status: 'found' }>['meta'];

export interface RefCardProps {
  /** Canonical reference id (`sou:2018:65`). */
  id: string;
  /** What is known about it; undefined counts as loading. */
  state: CardState | undefined;
  /** "Försök igen" after a failed lookup. */
  onRetry?: () => void;
  /** "Kopiera hänvisning" in a format: the caller formats it and writes it to the clipboard; a rejection is shown. */
  onCopy?: (format: CitationFormat) => void | Promise<void>;
  /** Id of the title element, so the card can be labelled by it. */
  headingId?: string;
  /** Where law texts open (the reader's setting); riksdagen.se when not given. */
  lawSite?: LawTextSite;
  /** The page's own document date (`YYYY-MM-DD`), so a law card can say the law has changed since. */
  documentDate?: string;
  /** The document's trail and who cites it (CardTrail.tsx), once asked for. */
  extras?: CardExtras;
  /** "Försök igen" after the trail could not be had. */
  onRetryTrail?: () => void;
}

/** "Departement" or "Utskott" (in the reader's language): a committee's code, or a name that says so. */
export function organRole(code: string): string {
  const committee = Object.hasOwn(COMMITTEES, code) || /utskott/i.test(code);
  return t(committee ? 'card_committee' : 'card_ministry');
}

/** For a question or interpellation whose subtitle reads "av Roger Haddad (L)": who asked. */
export function askedBy(kind: ReferenceKind, subtitle: string | undefined): string | undefined {
  if (kind !== 'fr' && kind !== 'ip') return undefined;
  return /^av\s+(.+)$/i.exec(subtitle?.trim() ?? '')?.[1];
}

/** The card's text for assistive technology, as one plain sentence-like string (aria-describedby). */
export function describeCard(id: string, state: CardState | undefined): string {
  const parsed = parseReferenceId(id);
  if (parsed?.kind === 'sfs') return describeLawCard(id, state);
  const head = parsed ? `${kindName(parsed.kind)}, ${referenceLabel(parsed)}` : id;
  if (!state || state.status === 'loading') return `${head}. ${t('card_describeLoading')}`;
  if (state.status === 'not-found') return `${head}. ${t('card_docNotFound')}.`;
  if (state.status === 'unavailable') return `${head}. ${t('card_unavailable')}.`;
  const { meta } = state;
  const parts = [`${head}: ${meta.title}`];
  if (meta.date) parts.push(meta.date);
  if (meta.organName ?? meta.organ) parts.push((meta.organName ?? meta.organ)!);
  return `${parts.join('. ')}.`;
}

/** The card for any reference: a law's (LawCard) or a document's. */
export function RefCard(props: RefCardProps) {
  // Two components, not one with a branch inside: Preact then starts the other card's state
  // afresh when the one card moves from a document to a law.
  return parseReferenceId(props.id)?.kind === 'sfs' ? <LawCard {...props} /> : <DocumentCard {...props} />;
}

function DocumentCard({ id, state, onRetry, onCopy, headingId = 'riksref-card-title', extras, onRetryTrail }: RefCardProps) {
  const parsed = parseReferenceId(id);
  const kind = parsed?.kind;
  const status = state?.status ?? 'loading';
  const meta = state?.status === 'found' ? state.meta : undefined;
  const label = meta?.label ?? (parsed ? referenceLabel(parsed) : id);
  const [copyNote, copyCitation] = useCopyNote(id, onCopy);

  return (
    <section
      class="card"
      data-state={status}
      data-kind={kind}
      data-stale={state?.status === 'found' && state.stale ? 'true' : undefined}
      aria-labelledby={headingId}
      aria-busy={status === 'loading' ? 'true' : undefined}
    >
      <div class="head">
        <p class="kind">{kind ? kindName(kind) : t('card_reference')}</p>
        <p class="label">{label}</p>
      </div>
      {status === 'loading' && <Loading headingId={headingId} label={label} />}
      {meta && (
        <Found
          meta={meta}
          stale={state?.status === 'found' && state.stale === true}
          headingId={headingId}
          // The trail says what the status line says, better: one of them.
          trailShown={extras !== 'loading' && !!extras?.trail?.length}
        />
      )}
      {status === 'not-found' && (
        <Problem
          headingId={headingId}
          title={label}
          problem={t('card_docNotFound')}
          explain={t('card_docNotFoundExplain')}
        />
      )}
      {state?.status === 'unavailable' && (
        <Problem headingId={headingId} title={label} problem={t('card_unavailable')} explain={reasonText(state.reason)} />
      )}
      {extras && status !== 'loading' && <CardTrail extras={extras} onRetry={onRetryTrail} />}
      <div class="actions">
        {state?.status === 'unavailable' && (
          <button type="button" class="primary" data-action="retry" onClick={() => onRetry?.()}>
            {t('retry')}
          </button>
        )}
        {meta ? (
          <>
            <a data-action="open" href={meta.url}>
              {t('card_openOnRiksdagen')}
            </a>
            {meta.fullTextUrl && (
              <a data-action="full-text" href={meta.fullTextUrl}>
                {t('card_fullText')}
              </a>
            )}
            {meta.pdfUrl && (
              <a data-action="pdf" href={meta.pdfUrl}>
                PDF
              </a>
            )}
          </>
        ) : (
          status !== 'loading' && (
            <a data-action="open" href={fallbackUrl(id)}>
              {kind === 'eu' ? t('card_openEurLex') : t('card_searchRiksdagen')}
            </a>
          )
        )}
        {status !== 'loading' && <CitationMenu key={id} onPick={(format) => void copyCitation(format)} />}
      </div>
      <p class="copied" role="status">
        {copyNote}
      </p>
    </section>
  );
}

function Found({ meta, stale, headingId, trailShown }: { meta: Meta; stale: boolean; headingId: string; trailShown: boolean }) {
  const asker = askedBy(meta.kind, meta.subtitle);
  return (
    <>
      <h2 class="title" id={headingId}>
        {meta.title}
      </h2>
      {meta.subtitle && !asker && <p class="subtitle">{meta.subtitle}</p>}
      <dl class="facts">
        {asker && <Fact term={t('card_askedBy')} value={asker} field="asked-by" />}
        {meta.answer?.by && <Fact term={t('card_answeredBy')} value={meta.answer.by} field="answered-by" />}
        {meta.date && <Fact term={t('card_date')} value={meta.date} field="date" />}
        {meta.organ && <Fact term={organRole(meta.organ)} value={meta.organName ?? meta.organ} field="organ" />}
        {meta.status && !trailShown && <Fact term={t('card_status')} value={meta.status} field="status" />}
      </dl>
      {stale && <StaleNote fetchedAt={meta.fetchedAt} />}
    </>
  );
}
