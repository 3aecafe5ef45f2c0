import { afterEach, describe, expect, test, vi } from 'vitest';
import { documentReferences } from '@/lib/cite/documents';
import { createCitationHandlers } from '@/lib/cite/handler';
import { RiksrefDatabase } from '@/lib/db/database';
import { createHighlightHandlers } from '@/lib/db/highlight-handlers';
import { createMessageHandler, type Handlers } from '@/lib/messages/handle';
import { send } from '@/lib/messages/send';
import type { LookupOutcome } from '@/lib/riksdagen/types';
import { answerPageDokument, recordedMeta } from './cite-fixtures';
import { makeHighlight } from './highlight-fixtures';

/*
 * The citation messages end to end in Node: send ⇄ handle, the background's handler over a
 * metadata lookup that answers from recorded data, and the Markdown export's references.
 */

const NOW = Date.UTC(2026, 11, 1, 12);
const notHere = () => {
  throw new Error('not in this test');
};

function transportWith(lookupMany: (ids: readonly string[]) => Promise<Record<string, LookupOutcome>>) {
  const handlers = {
    lookupReferences: notHere,
    getCacheStats: notHere,
    clearCache: notHere,
    saveHighlight: notHere,
    updateHighlight: notHere,
    deleteHighlight: notHere,
    restoreHighlight: notHere,
    listHighlights: notHere,
    listAllHighlights: notHere,
    reportAnchoring: notHere,
    importHighlights: notHere,
    exportHighlights: notHere,
    getTrail: notHere,
    recordReading: notHere,
    ...createCitationHandlers(lookupMany, () => NOW),
  } satisfies Handlers;
  return createMessageHandler(handlers);
}

/** The cache as a page left it: the SOU and the proposition found, the rest not. */
const lookupMany = vi.fn(async (ids: readonly string[]) =>
  Object.fromEntries(
    ids.map((id): [string, LookupOutcome] => [
      id,
      id === 'sou:2018:65' || id === 'prop:2017/18:1' ? { status: 'found', meta: recordedMeta(id) } : { status: 'unavailable', reason: 'network' },
    ]),
  ),
);

afterEach(() => lookupMany.mockClear());

describe('formatCitations', () => {
  test('one reference, the Swedish way (the card’s copy)', async () => {
    const answer = await send('formatCitations', { ids: ['sou:2018:65'], format: 'swedish' }, transportWith(lookupMany));
    expect(answer.text).toBe(`SOU 2018:65 Informationsutbyte vid samverkan mot terrorism. Justitiedepartementet, 2018-09-27. ${recordedMeta('sou:2018:65').url}\n`);
    expect(answer.count).toBe(1);
  });

  test('a page’s references as a file: each id once, in the page’s order, those without metadata by their designation', async () => {
    const ids = ['prop:2017/18:1', 'sou:2018:65', 'skr:2014/15:146', 'sou:2018:65'];
    const answer = await send('formatCitations', { ids, format: 'bibtex', dokId: 'H612523' }, transportWith(lookupMany));
    expect(lookupMany).toHaveBeenCalledWith(['prop:2017/18:1', 'sou:2018:65', 'skr:2014/15:146']);
    expect(answer).toMatchObject({ filename: 'riksref-referenser-H612523-2026-12-01.bib', mimeType: 'application/x-bibtex', count: 3 });
    expect([...answer.text.matchAll(/^@(\w+)\{([^,]+),/gm)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'misc prop-2017-18-1',
      'techreport sou-2018-65',
      'techreport skr-2014-15-146',
    ]);
  });

  test('refused before it leaves: no ids, an unknown format, something that is not an id', async () => {
    const transport = transportWith(lookupMany);
    await expect(send('formatCitations', { ids: [], format: 'ris' }, transport)).rejects.toThrow(/ids/);
    await expect(send('formatCitations', { ids: ['sou:2018:65'], format: 'endnote' as 'ris' }, transport)).rejects.toThrow(/format/);
    await expect(send('formatCitations', { ids: ['SOU 2018:65'], format: 'ris' }, transport)).rejects.toThrow(/not a canonical reference id/);
    expect(lookupMany).not.toHaveBeenCalled();
  });
});

describe('the Markdown export’s references', () => {
  const answerPage = { dokId: 'H612523', kind: 'frs', title: 'Säpos lista över kommuner som kan beröras av återvändare från IS', url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/sapos-lista_H612523/' };

  test('from the open data’s dokumentstatus: the designation, title, department and date', async () => {
    const references = await documentReferences([answerPage], async () => answerPageDokument(), 1000);
    expect(references.get('H612523')).toBe(
      'Svar på fråga 2018/19:523 av Roger Haddad (L) Säpos lista över kommuner som kan beröras av återvändare från IS. ' +
        'Justitiedepartementet, 2019-04-17. https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/_H612523',
    );
  });

  test('no answer in time, a failure, or another document’s answer: what the highlights know, and no long wait', async () => {
    const other = { ...answerPage, dokId: 'H601KU21', kind: 'bet', title: 'KU21' };
    const third = { ...answerPage, dokId: 'H000001', kind: 'other', title: 'Något annat' };
    const fetchStatus = (dokId: string) =>
      dokId === 'H612523' ? new Promise<undefined>(() => {}) : dokId === 'H601KU21' ? Promise.reject(new Error('offline')) : Promise.resolve(answerPageDokument());
    const references = await documentReferences([answerPage, other, third], fetchStatus, 50);
    expect(references.get('H612523')).toBe(`${answerPage.title}. ${answerPage.url}`);
    expect(references.get('H601KU21')).toBe(`KU21. ${answerPage.url}`);
    expect(references.get('H000001')).toBe(`Något annat. ${answerPage.url}`);
  });

  test('exportHighlights (Markdown) puts each document’s reference under its heading', async () => {
    const db = new RiksrefDatabase('riksref-msg-citations');
    try {
      const references = vi.fn(async (documents: { dokId: string }[]) => new Map(documents.map((d) => [d.dokId, `Referens för ${d.dokId}`])));
      const handlers = {
        ...createHighlightHandlers(db, () => NOW, () => {}, references),
        lookupReferences: notHere,
        getCacheStats: notHere,
        clearCache: notHere,
        formatCitations: notHere,
        getTrail: notHere,
        recordReading: notHere,
      } satisfies Handlers;
      const transport = createMessageHandler(handlers);
      await send('saveHighlight', { highlight: makeHighlight({ id: 'a' }) }, transport);
      await send('saveHighlight', { highlight: makeHighlight({ id: 'b', dokId: 'H601KU21', kind: 'bet', title: 'KU21' }) }, transport);
      const md = await send('exportHighlights', { format: 'markdown' }, transport);
      expect(references).toHaveBeenCalledTimes(1);
      expect(references.mock.calls[0]![0]).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ dokId: 'H612523', kind: 'frs' }),
          expect.objectContaining({ dokId: 'H601KU21', kind: 'bet', title: 'KU21' }),
        ]),
      );
      expect(md.text).toMatch(/## KU21 \(H601KU21\)\n\n<[^>]+>\n\nHänvisning: Referens för H601KU21\n/);
      expect(md.text).toContain('Hänvisning: Referens för H612523\n');
      // JSON is not touched by references.
      references.mockClear();
      await send('exportHighlights', { format: 'json' }, transport);
      expect(references).not.toHaveBeenCalled();
    } finally {
      db.close();
      await db.delete();
    }
  });
});
