import { useEffect, useState } from 'preact/hooks';
import type { LookupResult } from '@/lib/messages/protocol';
import { COMMITTEES } from '@/lib/refs/committees';
import { parseReferenceId } from '@/lib/refs/ids';
import { fallbackUrl, kindName, referenceLabel } from '@/lib/refs/labels';
import type { ReferenceKind } from '@/lib/refs/types';

/*
 * The hover card: what a referenced document is, without leaving the page. Pure: it renders what
 * it is given and reports clicks through callbacks; the content script owns fetching, copying and
 * where the card sits. Remote text is rendered as text (Preact escapes it), never as markup.
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
  /** "Kopiera hänvisning": the caller writes the citation to the clipboard; a rejection is shown. */
  onCopy?: (citation: string) => void | Promise<void>;
  /** Id of the title element, so the card can be labelled by it. */
  headingId?: string;
}

const longDate = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric' });

/** `SOU 2018:65 Informationsutbyte vid samverkan mot terrorism`: how a reader cites a document. */
export function citation(label: string, title?: string): string {
  return title ? `${label} ${title}` : label;
}

/** "Departement", "Utskott", or a neutral word when the code is neither. */
export function organRole(code: string): string {
  if (Object.hasOwn(COMMITTEES, code)) return 'Utskott';
  return /utskott/i.test(code) ? 'Utskott' : 'Departement';
}

/** For a question or interpellation whose subtitle reads "av Roger Haddad (L)": who asked. */
export function askedBy(kind: ReferenceKind, subtitle: string | undefined): string | undefined {
  if (kind !== 'fr' && kind !== 'ip') return undefined;
  return /^av\s+(.+)$/i.exec(subtitle?.trim() ?? '')?.[1];
}

/** The card's text for assistive technology, as one plain sentence-like string (aria-describedby). */
export function describeCard(id: string, state: CardState | undefined): string {
  const parsed = parseReferenceId(id);
  const head = parsed ? `${kindName(parsed.kind)}, ${referenceLabel(parsed)}` : id;
  if (!state || state.status === 'loading') return `${head}. Hämtar uppgifter …`;
  if (state.status === 'not-found') return `${head}. Dokumentet hittades inte i Riksdagens öppna data.`;
  if (state.status === 'unavailable') return `${head}. Kunde inte hämta uppgifter.`;
  const { meta } = state;
  const parts = [`${head}: ${meta.title}`];
  if (meta.date) parts.push(meta.date);
  if (meta.organName ?? meta.organ) parts.push((meta.organName ?? meta.organ)!);
  return `${parts.join('. ')}.`;
}

const REASONS: Readonly<Record<Extract<LookupResult, { status: 'unavailable' }>['reason'], string>> = {
  timeout: 'Riksdagens öppna data svarade inte i tid.',
  network: 'Ingen kontakt med Riksdagens öppna data. Är du offline?',
  http: 'Riksdagens öppna data svarade med ett fel.',
  'rate-limited': 'Riksdagens öppna data bad oss vänta en stund.',
  malformed: 'Riksdagens öppna data gav ett svar som inte gick att läsa.',
};

export function RefCard({ id, state, onRetry, onCopy, headingId = 'riksref-card-title' }: RefCardProps) {
  const parsed = parseReferenceId(id);
  const kind = parsed?.kind;
  const status = state?.status ?? 'loading';
  const meta = state?.status === 'found' ? state.meta : undefined;
  const label = meta?.label ?? (parsed ? referenceLabel(parsed) : id);
  const [copyNote, setCopyNote] = useState('');
  // A new document in the same card starts without the previous one's note.
  useEffect(() => setCopyNote(''), [id]);

  const copy = async () => {
    try {
      await onCopy?.(citation(label, meta?.title));
      setCopyNote('Hänvisningen är kopierad.');
    } catch {
      setCopyNote('Kunde inte kopiera. Markera texten och kopiera själv.');
    }
  };

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
        <p class="kind">{kind ? kindName(kind) : 'Hänvisning'}</p>
        <p class="label">{label}</p>
      </div>
      {status === 'loading' && <Loading headingId={headingId} label={label} />}
      {meta && <Found meta={meta} stale={state?.status === 'found' && state.stale === true} headingId={headingId} />}
      {status === 'not-found' && (
        <>
          <h2 class="title" id={headingId}>
            {label}
          </h2>
          <p class="problem">Dokumentet hittades inte i Riksdagens öppna data</p>
          <p class="explain">Länken söker efter det på riksdagen.se.</p>
        </>
      )}
      {state?.status === 'unavailable' && (
        <>
          <h2 class="title" id={headingId}>
            {label}
          </h2>
          <p class="problem">Kunde inte hämta uppgifter</p>
          <p class="explain">{REASONS[state.reason]}</p>
        </>
      )}
      <div class="actions">
        {state?.status === 'unavailable' && (
          <button type="button" class="primary" data-action="retry" onClick={() => onRetry?.()}>
            Försök igen
          </button>
        )}
        {meta ? (
          <>
            <a data-action="open" href={meta.url}>
              Öppna på riksdagen.se
            </a>
            {meta.fullTextUrl && (
              <a data-action="full-text" href={meta.fullTextUrl}>
                Fulltext
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
              {kind === 'eu' ? 'Öppna i EUR-Lex' : 'Sök på riksdagen.se'}
            </a>
          )
        )}
        {status !== 'loading' && (
          <button type="button" data-action="copy" onClick={() => void copy()}>
            Kopiera hänvisning
          </button>
        )}
      </div>
      <p class="copied" role="status">
        {copyNote}
      </p>
    </section>
  );
}

/** Placeholders the size of what is coming, so the card keeps its size when the data arrives. */
function Loading({ headingId, label }: { headingId: string; label: string }) {
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

function Found({ meta, stale, headingId }: { meta: Meta; stale: boolean; headingId: string }) {
  const asker = askedBy(meta.kind, meta.subtitle);
  return (
    <>
      <h2 class="title" id={headingId}>
        {meta.title}
      </h2>
      {meta.subtitle && !asker && <p class="subtitle">{meta.subtitle}</p>}
      <dl class="facts">
        {asker && <Fact term="Ställd av" value={asker} field="asked-by" />}
        {meta.answer?.by && <Fact term="Besvarad av" value={meta.answer.by} field="answered-by" />}
        {meta.date && <Fact term="Datum" value={meta.date} field="date" />}
        {meta.organ && <Fact term={organRole(meta.organ)} value={meta.organName ?? meta.organ} field="organ" />}
        {meta.status && <Fact term="Status" value={meta.status} field="status" />}
      </dl>
      {stale && (
        <p class="note" data-field="stale">
          Sparade uppgifter från {longDate.format(meta.fetchedAt)}. De kan ha ändrats sedan dess.
        </p>
      )}
    </>
  );
}

function Fact({ term, value, field }: { term: string; value: string; field: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd data-field={field}>{value}</dd>
    </>
  );
}
