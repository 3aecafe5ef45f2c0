/**
 * Riksdag committees by the designation printed in a betänkande's number, in official casing.
 * Current ones first; older committees (and older spellings) after, since old documents cite them.
 */
export const COMMITTEES: Readonly<Record<string, string>> = {
  AU: 'Arbetsmarknadsutskottet',
  CU: 'Civilutskottet',
  FiU: 'Finansutskottet',
  FöU: 'Försvarsutskottet',
  JuU: 'Justitieutskottet',
  KU: 'Konstitutionsutskottet',
  KrU: 'Kulturutskottet',
  MJU: 'Miljö- och jordbruksutskottet',
  NU: 'Näringsutskottet',
  SkU: 'Skatteutskottet',
  SfU: 'Socialförsäkringsutskottet',
  SoU: 'Socialutskottet',
  TU: 'Trafikutskottet',
  UbU: 'Utbildningsutskottet',
  UU: 'Utrikesutskottet',
  UFöU: 'Sammansatta utrikes- och försvarsutskottet',
  BoU: 'Bostadsutskottet',
  LU: 'Lagutskottet',
  JoU: 'Jordbruksutskottet',
  MjU: 'Miljö- och jordbruksutskottet',
};

const BY_LOWER = new Map<string, string>();
for (const code of Object.keys(COMMITTEES)) {
  if (!BY_LOWER.has(code.toLowerCase())) BY_LOWER.set(code.toLowerCase(), code);
}

/**
 * The official casing of a committee designation as printed (`juu` → `JuU`). Exact spellings
 * win, so `MjU` and `MJU` both survive; an unknown designation is kept as printed.
 */
export function officialCommitteeCode(printed: string): string {
  if (Object.hasOwn(COMMITTEES, printed)) return printed;
  return BY_LOWER.get(printed.toLowerCase()) ?? printed;
}

export function committeeName(code: string): string | undefined {
  return Object.hasOwn(COMMITTEES, code) ? COMMITTEES[code] : undefined;
}
