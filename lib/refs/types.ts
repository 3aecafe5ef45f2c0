/**
 * The kinds of reference Riksref recognises. The codes follow the open data API's `doktyp` where
 * one exists, so an id can be turned into a query without a lookup table of our own.
 */
export const REFERENCE_KINDS = [
  'sou', // Statens offentliga utredningar: SOU 2018:65
  'ds', // Departementsserien: Ds 2019:3
  'dir', // Kommittédirektiv: dir. 2017:75
  'sfs', // Svensk författningssamling: SFS 1998:204, lagen (1998:204)
  'prop', // Proposition: prop. 2017/18:1
  'skr', // Regeringens skrivelse: skr. 2014/15:146
  'rskr', // Riksdagsskrivelse: rskr. 2018/19:12
  'mot', // Motion: mot. 2018/19:123
  'bet', // Utskottets betänkande: bet. 2018/19:JuU12
  'fr', // Skriftlig fråga (and its answer): fråga 2018/19:523
  'ip', // Interpellation: ip. 2018/19:45
  'eu', // EU act: förordning (EU) 2016/679, direktiv 95/46/EG
] as const;

export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** Kinds numbered within a riksmöte (`2017/18:1`, before 1975 a calendar year). */
export const SESSION_KINDS: ReadonlySet<ReferenceKind> = new Set(['prop', 'skr', 'rskr', 'mot', 'bet', 'fr', 'ip']);
/** Kinds numbered within a calendar year (`2018:65`). */
export const YEAR_KINDS: ReadonlySet<ReferenceKind> = new Set(['sou', 'ds', 'dir', 'sfs']);

export type EuActType = 'reg' | 'dir';

export interface Reference {
  kind: ReferenceKind;
  /** Canonical id, e.g. `prop:2017/18:1`, `bet:2018/19:JuU12`, `eu:reg:2016/679` (DESIGN.md). */
  id: string;
  /** UTF-16 offsets: `text.slice(start, end)` is what the reader sees as the reference. */
  start: number;
  end: number;
}

/** An id taken apart. */
export type ParsedReferenceId =
  | {
      kind: Exclude<ReferenceKind, 'eu'>;
      /** `YYYY/YY` for a riksmöte, `YYYY` for a calendar year (and pre-1975 sessions). */
      rm: string;
      /** Digits, or a committee designation (`JuU12`), or an old motion's letters and digits (`Sk10`). */
      number: string;
      /**
       * A law's chapter and section as riksdagen's own anchors write them (`K10P2`, `P3`, `K4P9c`,
       * `K8aP1`, a chapter alone `K10`): only on `sfs` ids, absent for the law as a whole.
       */
      anchor?: string;
    }
  | {
      kind: 'eu';
      type: EuActType;
      /** As printed, without "nr" and the EU/EG suffix: `2016/679`, `45/2001`, `95/46`. */
      number: string;
    };
