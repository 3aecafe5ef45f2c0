/*
 * Text as a BibTeX field value. BibTeX itself reads bytes, not characters, and sorts and
 * abbreviates by ASCII letters, so letters with marks are written as LaTeX accent commands
 * (`ä` → `{\"a}`, `å` → `{\aa}`, `é` → `{\'e}`), in braces so that BibTeX treats each as one
 * letter; biber, Zotero and JabRef read them back to the same letters. Characters that mean
 * something to TeX are escaped. Anything else outside ASCII (curly quotes among them) is kept as
 * it is (UTF-8): every current tool reads it, and no command would be more faithful.
 */

/** Characters TeX would take as commands, groups, comments, math or parameters, or print as something else. */
const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's original font encoding these print as ¡, ¿ and —; `"` is a shorthand under babel's swedish.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '"': '{\\textquotedbl}',
};

/** Letters and signs with commands of their own. */
const OWN_COMMAND: Readonly<Record<string, string>> = {
  å: '{\\aa}',
  Å: '{\\AA}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  ø: '{\\o}',
  Ø: '{\\O}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ß: '{\\ss}',
  ł: '{\\l}',
  Ł: '{\\L}',
  ı: '{\\i}',
  '§': '{\\S}',
  '–': '--',
  '—': '---',
  '…': '{\\ldots}',
  '\u00a0': '~',
};

/** Combining marks → the accent command that puts it on a letter. Symbol commands go without braces round the letter. */
const ACCENTS: Readonly<Record<string, { command: string; symbol: boolean }>> = {
  '\u0300': { command: '`', symbol: true },
  '\u0301': { command: "'", symbol: true },
  '\u0302': { command: '^', symbol: true },
  '\u0303': { command: '~', symbol: true },
  '\u0304': { command: '=', symbol: true },
  '\u0307': { command: '.', symbol: true },
  '\u0308': { command: '"', symbol: true },
  '\u0306': { command: 'u', symbol: false },
  '\u030a': { command: 'r', symbol: false },
  '\u030b': { command: 'H', symbol: false },
  '\u030c': { command: 'v', symbol: false },
  '\u0327': { command: 'c', symbol: false },
  '\u0328': { command: 'k', symbol: false },
};

function accented(char: string): string | undefined {
  const [base, mark, ...more] = [...char.normalize('NFD')];
  if (!base || !mark || more.length > 0 || !/^[A-Za-z]$/.test(base)) return undefined;
  const accent = ACCENTS[mark];
  if (!accent) return undefined;
  // A dotless i under an accent, as LaTeX wants it (`ï` → `{\"\i}`).
  const letter = base === 'i' ? '\\i' : base === 'j' ? '\\j' : base;
  return accent.symbol ? `{\\${accent.command}${letter}}` : `{\\${accent.command}{${letter}}}`;
}

/**
 * Pairs TeX fonts join into one sign: `--` is a dash, `''` and ``` `` ``` quotes, `?``/`!``
 * inverted marks, `<<`, `>>` and `,,` guillemets and a low quote. Where two such characters meet,
 * `{}` keeps them apart, so that a literal `--` stays two hyphens.
 */
function joins(before: string, after: string): boolean {
  if (before === '' || after === '') return false;
  return (before === after && "-'`<>,".includes(after)) || ((before === '?' || before === '!') && after === '`');
}

export function latexEscape(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    let piece: string;
    if (SPECIAL[char] !== undefined) piece = SPECIAL[char];
    else if (code < 0x80) piece = char;
    else piece = OWN_COMMAND[char] ?? accented(char) ?? char;
    out += joins(out.slice(-1), piece.charAt(0)) ? `{}${piece}` : piece;
  }
  return out;
}
