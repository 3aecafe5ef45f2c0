import type { ParsedReferenceId } from '../refs/types.ts';

// How each kind is printed in running text. Temporary: lib/refs will export the project-wide
// label function, and this one goes then.
const PREFIX: Record<Exclude<ParsedReferenceId['kind'], 'eu'>, string> = {
  sou: 'SOU',
  ds: 'Ds',
  dir: 'dir.',
  sfs: 'SFS',
  prop: 'prop.',
  skr: 'skr.',
  rskr: 'rskr.',
  mot: 'mot.',
  bet: 'bet.',
  fr: 'fråga',
  ip: 'ip.',
};

/** `SOU 2018:65`, `prop. 2017/18:1`, `bet. 2018/19:JuU12`, `förordning (EU) 2016/679`. */
export function referenceLabel(parsed: ParsedReferenceId): string {
  if (parsed.kind === 'eu') return `${parsed.type === 'reg' ? 'förordning' : 'direktiv'} ${parsed.number}`;
  return `${PREFIX[parsed.kind]} ${parsed.rm}:${parsed.number}`;
}
