/**
 * Type segments of document pages on www.riksdagen.se, per API doktyp (shared/riksdagen.md).
 * Kinds without a known segment (rskr) link to the API's HTML version instead.
 */
const SEGMENT_BY_DOKTYP: Readonly<Record<string, string>> = {
  frs: 'svar-pa-skriftlig-fraga',
  fr: 'skriftlig-fraga',
  ip: 'interpellation',
  mot: 'motion',
  prop: 'proposition',
  bet: 'betankande',
  prot: 'protokoll',
  skr: 'skrivelse',
  sou: 'statens-offentliga-utredningar',
  ds: 'departementsserien',
  dir: 'kommittedirektiv',
  sfs: 'svensk-forfattningssamling',
};

const RIKSDAGEN_HOST = /(^|\.)riksdagen\.se$/i;

/**
 * An absolute https URL from what the API sends: protocol-relative (`//data.riksdagen.se/…`) and
 * plain http links to riksdagen's hosts become https (the only scheme our host permissions and
 * the service speak). Anything else that is not http(s) (javascript:, data:) is refused.
 */
export function absoluteUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw.startsWith('//') ? `https:${raw}` : raw);
  } catch {
    return undefined;
  }
  if (url.protocol === 'http:' && RIKSDAGEN_HOST.test(url.hostname)) url.protocol = 'https:';
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/**
 * Where a document lives for a reader: its page on www.riksdagen.se (the slug may be empty, the
 * site finds the document by the `_<dok_id>` suffix), else the API's HTML version, else the
 * plain document at data.riksdagen.se.
 */
export function documentPageUrl(doktyp: string | undefined, dokId: string, htmlUrl: string | undefined): string {
  const segment = doktyp ? SEGMENT_BY_DOKTYP[doktyp.toLowerCase()] : undefined;
  if (segment) return `https://www.riksdagen.se/sv/dokument-och-lagar/dokument/${segment}/_${encodeURIComponent(dokId)}`;
  return absoluteUrl(htmlUrl) ?? `https://data.riksdagen.se/dokument/${encodeURIComponent(dokId)}.html`;
}
