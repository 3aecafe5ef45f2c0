import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import sv from 'zod/v4/locales/sv.js';
import { parseDocumentUrl } from '../page/url.ts';
import { COLORS, highlightSchema, MAX_NOTE_CHARS, selectorsSchema, type Highlight } from './highlight.ts';
import { PAGE_KINDS } from '../page/kinds.ts';
import { errorMessage } from '../error-message.ts';
import { t, uiLocale } from '../i18n.ts';

/*
 * Export and import as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), so that a
 * reader's highlights can be read by other annotation tools and come back from them. What the
 * model has words for uses them: `target.source` (the page), `target.selector` (quote and
 * position), `body` (the note as a TextualBody), `created`/`modified` (ISO 8601, millisecond
 * precision, so epoch milliseconds survive the round trip exactly). What it has none for —
 * colour, dok_id, page kind, document title, orphan state — sits under `riksref`.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const URN_UUID = 'urn:uuid:';

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: { type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'commenting' };
  target: {
    source: string;
    selector: [Highlight['selectors']['quote'], Highlight['selectors']['position']];
  };
  riksref: {
    color: Highlight['color'];
    dokId: string;
    kind: Highlight['kind'];
    title: string;
    orphan?: boolean;
  };
}

/** Our ids are UUIDs and travel as `urn:uuid:…`; any other id is kept as it is. */
function exportId(id: string): string {
  return /^[0-9a-f-]{36}$/i.test(id) ? URN_UUID + id : id;
}

function importId(id: string): string {
  return id.startsWith(URN_UUID) ? id.slice(URN_UUID.length) : id;
}

export function toAnnotation(h: Highlight): WebAnnotation {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: exportId(h.id),
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    created: new Date(h.created).toISOString(),
    modified: new Date(h.updated).toISOString(),
    ...(h.note && { body: { type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' } }),
    target: { source: h.url, selector: [h.selectors.quote, h.selectors.position] },
    riksref: {
      color: h.color,
      dokId: h.dokId,
      kind: h.kind,
      title: h.title,
      ...(h.orphan !== undefined && { orphan: h.orphan }),
    },
  };
}

/** The export file: a JSON array of annotations, one per highlight, in the order given. */
export function exportJson(highlights: readonly Highlight[]): string {
  let text = '';
  for (const part of exportJsonParts(highlights)) text += part.text;
  return text;
}

/** A piece of an export file, and how many highlights the file holds once it is written. */
export interface ExportPart {
  text: string;
  done: number;
}

/**
 * The export file in pieces of `per` highlights, exactly the text of `JSON.stringify(list, null,
 * 2)`: the side panel writes 10 000 highlights a piece at a time, letting the reader type between
 * pieces, and hands the pieces to a Blob without joining them into one string.
 */
export function* exportJsonParts(highlights: readonly Highlight[], per = 200): Generator<ExportPart> {
  if (highlights.length === 0) {
    yield { text: '[]\n', done: 0 };
    return;
  }
  for (let i = 0; i < highlights.length; i += per) {
    const entries = highlights.slice(i, i + per).map((h) => `  ${JSON.stringify(toAnnotation(h), null, 2).replace(/\n/g, '\n  ')}`);
    const done = Math.min(i + per, highlights.length);
    // JSON strings hold no raw line breaks, so indenting every line break indents lines only.
    yield { text: `${i === 0 ? '[\n' : ',\n'}${entries.join(',\n')}${done === highlights.length ? '\n]\n' : ''}`, done };
  }
}

// What an entry must look like to be imported. Tolerant where other tools differ (body as one
// object or a list, selectors in any order, extra fields), strict where a highlight would be
// unusable (no quote, no page, no time).
const isoDate = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), { error: () => t('import_notDate') }));
const textualBody = z.object({ type: z.optional(z.string()), value: z.optional(z.string()), purpose: z.optional(z.string()) });
const selector = z.looseObject({ type: z.string() });

const annotationSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  type: z.literal('Annotation'),
  created: isoDate,
  modified: z.optional(isoDate),
  body: z.optional(z.union([textualBody, z.array(textualBody)])),
  bodyValue: z.optional(z.string()),
  target: z.object({
    source: z.string(),
    selector: z.union([selector, z.array(selector)]),
  }),
  riksref: z.optional(
    z.object({
      color: z.optional(z.enum(COLORS)),
      dokId: z.optional(z.string()),
      kind: z.optional(z.enum(PAGE_KINDS)),
      title: z.optional(z.string()),
      orphan: z.optional(z.boolean()),
    }),
  ),
});

let zodErrors: { locale: string; map: z.core.$ZodErrorMap } | undefined;
/** zod's own words for what is wrong with a field, in the reader's language (Swedish or English). */
function localeErrors(): z.core.$ZodErrorMap {
  const locale = uiLocale();
  if (zodErrors?.locale !== locale) zodErrors = { locale, map: (locale.toLowerCase().startsWith('sv') ? sv() : en()).localeError };
  return zodErrors.map;
}

function describe(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : t('import_theEntry')}: ${issue.message}`)
    .join('; ');
}

/** The note: the commenting TextualBody (or the only one), or `bodyValue`. */
function noteOf(a: z.output<typeof annotationSchema>): string {
  if (a.bodyValue !== undefined) return a.bodyValue;
  const bodies = a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body];
  const text = bodies.filter((b) => (b.type ?? 'TextualBody') === 'TextualBody' && b.value !== undefined);
  return (text.find((b) => b.purpose === 'commenting') ?? text[0])?.value ?? '';
}

export type EntryResult = { ok: true; highlight: Highlight } | { ok: false; problem: string };

/** One entry of an import file → a highlight, or the reason it cannot be one (in the reader's language). */
export function fromAnnotation(entry: unknown): EntryResult {
  const parsed = z.safeParse(annotationSchema, entry, { error: localeErrors() });
  if (!parsed.success) return { ok: false, problem: describe(parsed.error) };
  const a = parsed.data;
  const selectors = Array.isArray(a.target.selector) ? a.target.selector : [a.target.selector];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (!quote) return { ok: false, problem: `target.selector: ${t('import_noQuote')}` };
  if (!position) return { ok: false, problem: `target.selector: ${t('import_noPosition')}` };
  const checkedSelectors = z.safeParse(selectorsSchema, { quote, position }, { error: localeErrors() });
  if (!checkedSelectors.success) return { ok: false, problem: `target.selector: ${describe(checkedSelectors.error)}` };

  const fromUrl = parseDocumentUrl(a.target.source);
  const dokId = (a.riksref?.dokId ?? fromUrl?.dokId)?.toUpperCase();
  if (!dokId) return { ok: false, problem: `target.source: ${t('import_noDocument')}` };
  const note = noteOf(a);
  if (note.length > MAX_NOTE_CHARS) return { ok: false, problem: `body: ${t('import_noteTooLong', MAX_NOTE_CHARS)}` };

  const created = Date.parse(a.created);
  const highlight = {
    id: importId(a.id),
    dokId,
    kind: a.riksref?.kind ?? fromUrl?.kind ?? 'other',
    url: a.target.source,
    title: a.riksref?.title ?? '',
    selectors: checkedSelectors.data,
    color: a.riksref?.color ?? 'yellow',
    note,
    created,
    updated: a.modified ? Date.parse(a.modified) : created,
    ...(a.riksref?.orphan !== undefined && { orphan: a.riksref.orphan }),
  };
  const checked = z.safeParse(highlightSchema, highlight, { error: localeErrors() });
  if (!checked.success) return { ok: false, problem: describe(checked.error) };
  return { ok: true, highlight: checked.data };
}

/**
 * The most entries one import takes: an export of a reader's every highlight, with room to
 * spare (issue 12 tests 100 000). More is not a file of ours, and would hold the background
 * for minutes.
 */
export const MAX_IMPORT_ENTRIES = 100_000;

/** The largest import file read at all (100 000 highlights as we export them are ~90 MB). */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;

export type ImportParse = { ok: true; highlights: Highlight[] } | { ok: false; error: string };

/** The entries of a parsed import file: a list, one annotation, or a W3C AnnotationCollection/Page. */
function entriesOf(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    if (o.type === 'Annotation') return [data];
    if (Array.isArray(o.items)) return o.items;
    const first = o.first as Record<string, unknown> | undefined;
    if (first && Array.isArray(first.items)) return first.items;
  }
  return null;
}

/** How far a check of the whole file has come, after each slice of entries. */
export interface CheckProgress {
  done: number;
  total: number;
}

/**
 * The check of a whole import file as steps: it yields its progress every `per` entries and
 * returns the outcome. Every entry must be valid, or nothing is imported: the error names the
 * first bad entry (by its number, counting from 1, and its index) and what is wrong.
 */
function* checkImport(data: unknown, per: number): Generator<CheckProgress, ImportParse> {
  const entries = entriesOf(data);
  if (!entries) return { ok: false, error: t('import_noList') };
  if (entries.length === 0) return { ok: false, error: t('import_empty') };
  if (entries.length > MAX_IMPORT_ENTRIES) {
    return { ok: false, error: t('import_tooMany', entries.length, MAX_IMPORT_ENTRIES) };
  }
  const highlights: Highlight[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    if (i > 0 && i % per === 0) yield { done: i, total: entries.length };
    const result = fromAnnotation(entries[i]);
    if (!result.ok) return { ok: false, error: t('import_invalidEntry', i + 1, i, result.problem) };
    if (seen.has(result.highlight.id)) {
      return { ok: false, error: t('import_invalidEntry', i + 1, i, t('import_duplicateId', result.highlight.id)) };
    }
    seen.add(result.highlight.id);
    highlights.push(result.highlight);
  }
  return { ok: true, highlights };
}

/** Validates a whole import file at once (see checkImport). */
export function parseImport(data: unknown): ImportParse {
  const steps = checkImport(data, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Validates a whole import file a slice at a time, telling `onProgress` after each slice and
 * awaiting `pause` between slices, so that the background answers pages while it checks 100 000
 * entries (a slice of 1 000 takes ~20 ms).
 */
export async function parseImportInSlices(
  data: unknown,
  { onProgress = () => {}, pause = () => new Promise<void>((r) => setTimeout(r, 0)), per = 1000 }: { onProgress?: (p: CheckProgress) => void; pause?: () => Promise<void>; per?: number } = {},
): Promise<ImportParse> {
  const steps = checkImport(data, per);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress(step.value);
    await pause();
  }
}

/** Reads import file text: JSON first, then the entries. */
export function parseImportText(text: string): ImportParse {
  const data = parseJson(text);
  return data.ok ? parseImport(data.value) : data;
}

/** The file's JSON, or the reader's message when it is none. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: t('import_notJson', errorMessage(error)) };
  }
}
