import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RiksrefDatabase } from '@/lib/db/database';
import { ReadingRepository } from '@/lib/db/readings';
import { createTrailHandlers } from '@/lib/db/trail-handlers';
import { createTrailService, type TrailService } from '@/lib/db/trails';
import { pageIdentity, toReading, type PageReading } from '@/lib/history/reading';
import { createMessageHandler, createTableHandler, type Handlers } from '@/lib/messages/handle';
import { HISTORY_MESSAGES, sendHistory } from '@/lib/history/messages';
import { send, type Transport } from '@/lib/messages/send';
import { createRiksdagenClient } from '@/lib/riksdagen/client';
import { createHttpClient } from '@/lib/riksdagen/http';
import { apiAnswer } from '../fixtures/api/serve.ts';

const T0 = Date.UTC(2026, 0, 10, 9);
const ANSWER_PAGE = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/sapos-lista_H612523/';
const BET_PAGE = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/lararutbildning_HB01UbU5/';

/** A page as the content script describes it; override what a test is about. */
function reading(overrides: Partial<PageReading> = {}): PageReading {
  return {
    dokId: 'H612523',
    kind: 'frs',
    heading: 'Svar på fråga 2018/19:523 av Roger Haddad (L) Säpos lista över kommuner',
    title: 'Säpos lista över kommuner som kan beröras av återvändare från IS',
    date: '2019-04-17',
    url: ANSWER_PAGE,
    refs: ['skr:2014/15:146', 'sou:2018:65', 'dir:2017:75', 'sou:2018:65'],
    ...overrides,
  };
}

describe('a page as a reading (lib/history/reading.ts)', () => {
  test.each([
    ['frs', 'Svar på fråga 2018/19:523 av Roger Haddad (L)', { id: 'fr:2018/19:523', label: 'Svar på fråga 2018/19:523' }],
    ['bet', 'Utbildningsutskottets betänkande 2023/24:UbU5', { id: 'bet:2023/24:UbU5', label: 'bet. 2023/24:UbU5' }],
    ['prop', 'Proposition 2023/24:20 På språklig grund', { id: 'prop:2023/24:20', label: 'prop. 2023/24:20' }],
    ['mot', 'Motion 2023/24:1544 av Åsa Westlund m.fl. (S)', { id: 'mot:2023/24:1544', label: 'mot. 2023/24:1544' }],
    ['sou', 'SOU 2018:65 Informationsutbyte vid samverkan mot terrorism', { id: 'sou:2018:65', label: 'SOU 2018:65' }],
    // A kind that is not cited as a reference, a heading naming another kind, or none at all: no identity.
    ['prot', 'Riksdagens protokoll 2018/19:46', undefined],
    ['prop', 'Motion 2023/24:1544 med anledning av prop. 2023/24:20', undefined],
    ['other', 'Redogörelse 2023/24:RS3', undefined],
    ['bet', undefined, undefined],
  ])('%s page headed %j', (kind, heading, identity) => {
    expect(pageIdentity(kind, heading)).toEqual(identity);
  });

  test('each reference once, a law by the law, never the page itself; a title cleaned, or the label', () => {
    const r = toReading(
      reading({
        dokId: 'HB01UbU5',
        kind: 'bet',
        heading: 'Utbildningsutskottets betänkande 2023/24:UbU5',
        title: '  Lärarutbildning\n på språklig grund ',
        url: BET_PAGE,
        refs: ['prop:2023/24:20', 'bet:2023/24:UbU5', 'sfs:2010:800#K2P13', 'sfs:2010:800', 'sfs:2010:800#K3P1', 'prop:2023/24:20'],
      }),
    );
    expect(r).toEqual({
      // As pages key it (upper case), whatever the casing sent.
      dokId: 'HB01UBU5',
      kind: 'bet',
      id: 'bet:2023/24:UbU5',
      label: 'bet. 2023/24:UbU5',
      title: 'Lärarutbildning på språklig grund',
      date: '2019-04-17',
      url: BET_PAGE,
      refs: ['prop:2023/24:20', 'sfs:2010:800'],
    });
    expect(toReading(reading({ title: ' ', date: undefined })).title).toBe('Svar på fråga 2018/19:523');
    expect(toReading(reading({ title: 'H612523 - Riksdagen' })).title).toBe('H612523');
    expect(toReading(reading({ title: '', heading: undefined, date: undefined }))).toEqual({
      dokId: 'H612523',
      kind: 'frs',
      title: 'H612523',
      url: ANSWER_PAGE,
      refs: ['skr:2014/15:146', 'sou:2018:65', 'dir:2017:75'],
    });
  });
});

let db: RiksrefDatabase;
let transport: Transport;
let clock: number;
let enabled: boolean;
let fault: number | null;
let requests: string[];
let trails: TrailService;
let n = 0;

function makeTransport(maxReadings?: number) {
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    requests.push(url.pathname);
    if (fault !== null) return new Response('fel', { status: fault });
    const answer = apiAnswer(url);
    return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } });
  }) as typeof globalThis.fetch;
  const client = createRiksdagenClient({ http: createHttpClient({ fetch, sleep: async () => {}, random: () => 0.5, maxAttempts: 1 }) });
  trails = createTrailService({ db, fetchTrail: client.fetchTrail, now: () => clock });
  const notHere = () => {
    throw new Error('not in this test');
  };
  const trailHandlers = createTrailHandlers({
    trails,
    readings: new ReadingRepository(db, maxReadings),
    settings: { get: async () => ({ enabled }) },
    now: () => clock,
  });
  const handlers: Handlers = {
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
    formatCitations: notHere,
    ...trailHandlers.page,
  };
  const answer = createMessageHandler(handlers);
  // The side panel's and the options page's messages: a table of their own, as in the background.
  const answerHistory = createTableHandler(HISTORY_MESSAGES, trailHandlers.history);
  return async (message: unknown) => answerHistory(message) ?? answer(message);
}

beforeEach(() => {
  db = new RiksrefDatabase(`riksref-msg-trail-${++n}`);
  clock = T0;
  enabled = true;
  fault = null;
  requests = [];
  transport = makeTransport();
});
afterEach(async () => {
  await trails.settled();
  db.close();
  await db.delete();
});

/** Reads a page as the content script tells it, a minute after the last. */
async function read(page: PageReading) {
  clock += 60_000;
  return send('recordReading', page, transport);
}

describe('the reading history through send ⇄ handle and the database', () => {
  test('a page read is kept; read again it is updated, and a new set of references replaces the old', async () => {
    expect(await read(reading())).toEqual({ recorded: true });
    expect(await read(reading({ refs: ['sou:2018:65', 'prop:2017/18:1'], url: 'https://data.riksdagen.se/dokument/H612523.html' }))).toEqual({
      recorded: true,
    });
    expect(await db.readings.toArray()).toEqual([
      expect.objectContaining({
        dokId: 'H612523',
        id: 'fr:2018/19:523',
        refs: ['sou:2018:65', 'prop:2017/18:1'],
        url: 'https://data.riksdagen.se/dokument/H612523.html',
        readAt: T0 + 120_000,
      }),
    ]);
    expect(await db.readings.where('refs').equals('dir:2017:75').count()).toBe(0);
    expect(await sendHistory('getReadingHistoryStats', {}, transport)).toEqual({ count: 1, approxBytes: expect.any(Number) });
  });

  test('a page that links nothing (linking turned off) changes nothing', async () => {
    await read(reading());
    expect(await read(reading({ refs: [] }))).toEqual({ recorded: false });
    expect((await db.readings.get('H612523'))?.refs).toEqual(['skr:2014/15:146', 'sou:2018:65', 'dir:2017:75']);
  });

  test('with the history off nothing is kept', async () => {
    enabled = false;
    expect(await read(reading())).toEqual({ recorded: false });
    expect(await db.readings.count()).toBe(0);
  });

  test('at most maxReadings are kept: the longest unread go first', async () => {
    transport = makeTransport(2);
    await read(reading({ dokId: 'A1111', heading: undefined }));
    await read(reading({ dokId: 'B2222', heading: undefined }));
    await read(reading({ dokId: 'A1111', heading: undefined }));
    await read(reading({ dokId: 'C3333', heading: undefined }));
    expect((await db.readings.orderBy('readAt').primaryKeys())).toEqual(['A1111', 'C3333']);
  });

  test('"Töm läshistoriken" empties it and says how many', async () => {
    await read(reading());
    await read(reading({ dokId: 'HB01UbU5', kind: 'bet', heading: 'Betänkande 2023/24:UbU5', url: BET_PAGE }));
    expect(await sendHistory('clearReadingHistory', {}, transport)).toEqual({ removed: 2 });
    expect(await sendHistory('getReadingHistoryStats', {}, transport)).toEqual({ count: 0, approxBytes: 0 });
    expect(await send('getTrail', { id: 'sou:2018:65' }, transport)).toEqual({});
  });
});

describe('getTrail for a card', () => {
  test('a proposition: its trail from one dokumentstatus request, then from the cache', async () => {
    const answer = await send('getTrail', { id: 'prop:2023/24:20', dokId: 'HB0320', exclude: 'H612523' }, transport);
    expect(answer.trail?.map((l) => l.field)).toEqual(['treated-in', 'decision', 'decided', 'motions', 'matter-status']);
    expect(answer.trail?.[0]).toMatchObject({ text: 'Behandlad i', links: [{ label: 'bet. 2023/24:UbU5' }] });
    expect(answer).not.toHaveProperty('failed');
    expect(answer).not.toHaveProperty('label');
    expect(answer.citedBy).toBeUndefined();
    await send('getTrail', { id: 'prop:2023/24:20', dokId: 'HB0320' }, transport);
    expect(requests).toEqual(['/dokumentstatus/HB0320.json']);
  });

  test('an SOU: no request at all, only who cites it, newest read first, without the page the reader is on, five at most', async () => {
    for (let i = 1; i <= 7; i++) {
      await read(reading({ dokId: `HB0${i}00`, kind: 'prop', heading: `Proposition 2023/24:${i}00`, title: `Prop ${i}`, url: `https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/_HB0${i}00` }));
    }
    await read(reading({ dokId: 'HX9999', kind: 'other', heading: undefined, title: 'Ett dokument utan beteckning', refs: ['sou:2018:65'], url: 'https://data.riksdagen.se/dokument/HX9999.html' }));
    await read(reading({ refs: ['dir:2017:75'] }));
    const answer = await send('getTrail', { id: 'sou:2018:65', dokId: 'H6B365', exclude: 'HB0700' }, transport);
    expect(requests).toEqual([]);
    expect(answer.trail).toBeUndefined();
    expect(answer.citedBy?.text).toBe('Du har läst 7 dokument som hänvisar hit:');
    expect(answer.citedBy?.rest).toBe('och 2 till');
    expect(answer.citedBy?.links).toEqual([
      { label: 'Ett dokument utan beteckning', url: 'https://data.riksdagen.se/dokument/HX9999.html' },
      { label: 'prop. 2023/24:600', url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/_HB0600', title: 'Prop 6' },
      { label: 'prop. 2023/24:500', url: expect.any(String), title: 'Prop 5' },
      { label: 'prop. 2023/24:400', url: expect.any(String), title: 'Prop 4' },
      { label: 'prop. 2023/24:300', url: expect.any(String), title: 'Prop 3' },
    ]);
  });

  test('a trail that cannot be had says why, and who cites the document is still told', async () => {
    await read(reading({ refs: ['prop:2023/24:20'] }));
    fault = 500;
    const answer = await send('getTrail', { id: 'prop:2023/24:20', dokId: 'HB0320' }, transport);
    expect(answer).toEqual({
      failed: 'http',
      citedBy: {
        field: 'cited-by',
        text: 'Du har läst 1 dokument som hänvisar hit:',
        links: [{ label: 'Svar på fråga 2018/19:523', url: ANSWER_PAGE, title: 'Säpos lista över kommuner som kan beröras av återvändare från IS' }],
      },
    });
    fault = null;
    expect((await send('getTrail', { id: 'prop:2023/24:20', dokId: 'HB0320' }, transport)).trail).toHaveLength(5);
  });

  test('never the document itself as citing itself, when its page names it without our knowing it is its own name', async () => {
    await read(reading({ dokId: 'HB01UbU5', kind: 'bet', heading: undefined, title: 'Lärarutbildning', url: BET_PAGE, refs: ['bet:2023/24:UbU5', 'prop:2023/24:20'] }));
    await read(reading({ refs: ['bet:2023/24:UbU5'] }));
    const answer = await send('getTrail', { id: 'bet:2023/24:UbU5', dokId: 'HB01UbU5', exclude: 'HX1111' }, transport);
    expect(answer.citedBy?.links?.map((l) => l.label)).toEqual(['Svar på fråga 2018/19:523']);
  });

  test('a document not in the open data has no trail, and no error', async () => {
    expect(await send('getTrail', { id: 'mot:2023/24:9999', dokId: 'HB029999' }, transport)).toEqual({});
  });
});

describe('getCase for the side panel ("Ärendet")', () => {
  test('the page’s document by name, every line in full, and every document read that cites it', async () => {
    await read(reading({ refs: ['bet:2023/24:UbU5'] }));
    await read(reading({ dokId: 'HB01UbU5', kind: 'bet', heading: undefined, title: 'Lärarutbildning på språklig grund', url: BET_PAGE, refs: ['prop:2023/24:20'] }));
    const answer = await sendHistory('getCase', { dokId: 'HB01UbU5' }, transport);
    expect(answer.label).toBe('bet. 2023/24:UbU5');
    expect(answer.title).toBe('Lärarutbildning på språklig grund');
    expect(answer.trail?.[0]?.links?.map((l) => l.label)).toEqual(['prop. 2023/24:20', 'mot. 2023/24:1544', 'mot. 2023/24:1602']);
    // Every one of them: no "och N till".
    expect(answer.citedBy).toEqual({
      field: 'cited-by',
      text: 'Du har läst 1 dokument som hänvisar hit:',
      links: [expect.objectContaining({ label: 'Svar på fråga 2018/19:523', url: ANSWER_PAGE })],
    });
  });

  test('a page the history does not know is still named by its trail, and found by its own id', async () => {
    await read(reading({ refs: ['prop:2023/24:20'] }));
    const answer = await sendHistory('getCase', { dokId: 'HB0320' }, transport);
    expect(answer).toMatchObject({ label: 'prop. 2023/24:20', title: 'På språklig grund', citedBy: { links: [{ label: 'Svar på fråga 2018/19:523' }] } });
    // A page the history holds is named as it names itself (its heading and title), before the open data's title.
    expect(await sendHistory('getCase', { dokId: 'H612523' }, transport)).toMatchObject({
      label: 'Svar på fråga 2018/19:523',
      title: 'Säpos lista över kommuner som kan beröras av återvändare från IS',
    });
  });

  test('when the trail fails, the history still names the page and who cites it', async () => {
    await read(reading({ dokId: 'HB01UbU5', kind: 'bet', heading: 'Betänkande 2023/24:UbU5', title: 'Lärarutbildning', url: BET_PAGE, refs: ['sou:2018:65'] }));
    await read(reading({ refs: ['bet:2023/24:UbU5'] }));
    fault = 503;
    const answer = await sendHistory('getCase', { dokId: 'HB01UbU5' }, transport);
    expect(answer).toMatchObject({ failed: 'http', label: 'bet. 2023/24:UbU5', title: 'Lärarutbildning', citedBy: { links: [{ label: 'Svar på fråga 2018/19:523' }] } });
  });
});
