import * as z from 'zod/mini';

/*
 * Schemas for data.riksdagen.se answers. The service is old and loose (see shared/riksdagen.md,
 * "Quirks"), so every field we read goes through a tolerant reader: numbers arrive as strings,
 * lists as a single object or null or "", and fields come and go. A record is rejected only when
 * it is unusable (no dok_id, no title); a bad record never sinks the rest of the list. Unknown
 * fields are dropped by z.object, which is exactly "ignore what we do not use".
 */

/** A text field: string or number (numbers arrive as strings, and sometimes not), trimmed; empty, null or missing → undefined. */
export const text = z.pipe(
  // optional() lets the key be missing altogether.
  z.optional(z.unknown()),
  z.transform((value): string | undefined => {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }),
);

/** A text field the record cannot do without. */
const requiredText = z.pipe(text, z.string());

/**
 * A list as the API sends it: an array, a single object standing for a one-element list, or
 * null / "" / a missing key for an empty one. Items that fail `item` are dropped, not fatal.
 */
export function tolerantList<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.optional(z.unknown()),
    z.transform((value): z.output<T>[] => {
      const items = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? [value] : [];
      const kept: z.output<T>[] = [];
      for (const candidate of items) {
        const parsed = z.safeParse(item, candidate);
        if (parsed.success) kept.push(parsed.data);
      }
      return kept;
    }),
  );
}

/** An optional nested object: anything that is not an object of the right shape counts as absent. */
function optionalObject<T extends z.ZodMiniObject>(shape: T) {
  return z.catch(z.optional(shape), undefined);
}

export const filSchema = z.object({
  typ: text,
  namn: text,
  url: text,
});

export const dokumentSchema = z.object({
  dok_id: requiredText,
  titel: requiredText,
  rm: text,
  beteckning: text,
  doktyp: text,
  typ: text,
  subtyp: text,
  undertitel: text,
  // dokumentstatus names the subtitle `subtitel`.
  subtitel: text,
  datum: text,
  publicerad: text,
  organ: text,
  nummer: text,
  summary: text,
  dokumentnamn: text,
  dokument_url_html: text,
  dokument_url_text: text,
  filbilaga: optionalObject(z.object({ fil: tolerantList(filSchema) })),
  sokdata: optionalObject(z.object({ statusrad: text })),
});

export type Dokument = z.output<typeof dokumentSchema>;

/** `GET /dokumentlista/?…&utformat=json`. Only the envelope is mandatory. */
export const dokumentlistaSchema = z.object({
  dokumentlista: z.object({
    '@traffar': text,
    dokument: tolerantList(dokumentSchema),
  }),
});

export type Dokumentlista = z.output<typeof dokumentlistaSchema>;

/** `GET /dokumentstatus/<dok_id>.json`: one document; its relations are not read yet. */
export const dokumentstatusSchema = z.object({
  dokumentstatus: z.object({
    dokument: dokumentSchema,
  }),
});

export type Dokumentstatus = z.output<typeof dokumentstatusSchema>;

/**
 * A law's dokumentstatus (`GET /dokumentstatus/sfs-2009-400.json`): the document with its whole
 * text in `html`, and `dokuppgift`, where a repealed law has `upphavd` (the day) and `upphnr` (by
 * what). Read only after the envelope has been found to hold a document (lib/riksdagen/laws.ts).
 */
export const lawDokumentSchema = z.extend(dokumentSchema, { html: z.optional(z.unknown()) });

export const dokuppgiftSchema = optionalObject(
  z.object({ uppgift: tolerantList(z.object({ kod: text, text: text })) }),
);

/*
 * A document's relations in its dokumentstatus (issue 13), as shared/riksdagen.md records them:
 * every list may be an array, a single object, null, "" or missing, and every item is kept only
 * for the fields we read. What a relation lacks is left out when it is shown, never guessed.
 */

export const referensSchema = z.object({
  referenstyp: text,
  uppgift: text,
  ref_dok_id: text,
  ref_dok_typ: text,
  ref_dok_rm: text,
  ref_dok_bet: text,
  ref_dok_titel: text,
  ref_dok_subtyp: text,
});

export const forslagSchema = z.object({
  nummer: text,
  lydelse: text,
  utskottet: text,
  kammaren: text,
  behandlas_i: text,
});

export const aktivitetSchema = z.object({ kod: text, namn: text, datum: text });

export const utskottsforslagSchema = z.object({
  punkt: text,
  rubrik: text,
  beslutstyp: text,
  vinnare: text,
});

/** `GET /dokumentstatus/<dok_id>.json` read for the document's trail: the document and its relations. */
export const dokumentstatusTrailSchema = z.object({
  dokumentstatus: z.object({
    dokument: dokumentSchema,
    dokreferens: optionalObject(z.object({ referens: tolerantList(referensSchema) })),
    dokforslag: optionalObject(z.object({ forslag: tolerantList(forslagSchema) })),
    dokaktivitet: optionalObject(z.object({ aktivitet: tolerantList(aktivitetSchema) })),
    dokuppgift: dokuppgiftSchema,
    dokutskottsforslag: optionalObject(z.object({ utskottsforslag: tolerantList(utskottsforslagSchema) })),
  }),
});

export type DokumentstatusTrail = z.output<typeof dokumentstatusTrailSchema>;
