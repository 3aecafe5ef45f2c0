import type { Highlight } from '@/lib/highlights';

export const ANSWER_URL =
  'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/sapos-lista-over-kommuner-som-kan-beroras-av_H612523/';

/** A valid highlight on the answer page; override what a test is about. */
export function makeHighlight(overrides: Partial<Highlight> = {}): Highlight {
  return {
    id: '0b7f3c52-9a3e-4c1e-9d6f-2f5d8a1b7c44',
    dokId: 'H612523',
    kind: 'frs',
    url: ANSWER_URL,
    title: 'Säpos lista över kommuner som kan beröras av återvändare från IS',
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Det finns också ett nära och ömsesidigt informationsutbyte mellan Polismyndigheten och Säkerhetspolisen.',
        prefix: 'och har tagit fram riktlinjer på området. ',
        suffix: ' I november 2017 redovisade Polism',
      },
      position: { type: 'TextPositionSelector', start: 1500, end: 1603 },
    },
    color: 'yellow',
    note: '',
    created: Date.UTC(2025, 3, 17, 9, 30, 0, 123),
    updated: Date.UTC(2025, 3, 17, 9, 30, 0, 123),
    ...overrides,
  };
}
