/*
 * Citation keys (BibTeX's entry key, CSL-JSON's id) made from the canonical id, so the same
 * document gets the same key in every export and a reader's `\cite{sou-2018-65}` keeps working:
 * `sou:2018:65` → `sou-2018-65`, `bet:2018/19:JuU12` → `bet-2018-19-JuU12`,
 * `sfs:2009:400#K10P2` → `sfs-2009-400-K10P2`. Only ASCII letters, digits and hyphens, which
 * every BibTeX tool, biber and pandoc accept; Swedish letters lose their marks (`Fö259` → `Fo259`).
 */

export function citationKey(basis: string): string {
  const ascii = basis
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii || 'riksref';
}

/**
 * Keys for a list of records, unique within it: a second record with the same key (the same id
 * twice, or two ids that differ only in their marks) gets `-2`, a third `-3`, in list order.
 */
export function uniqueKeys(bases: readonly string[]): string[] {
  const used = new Set<string>();
  return bases.map((basis) => {
    const key = citationKey(basis);
    let candidate = key;
    for (let n = 2; used.has(candidate); n++) candidate = `${key}-${n}`;
    used.add(candidate);
    return candidate;
  });
}
