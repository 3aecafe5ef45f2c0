import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { createRiksdagenClient } from '@/lib/riksdagen/client';
import { createHttpClient } from '@/lib/riksdagen/http';
import { dokumentstatusTrailSchema } from '@/lib/riksdagen/schemas';
import { referenceIdOf, toTrailFacts, type TrailFacts } from '@/lib/riksdagen/trail';
import { CARD_LINKS, trailLines } from '@/lib/riksdagen/trail-lines';
import { apiAnswer, readApiFixture } from '../fixtures/api/serve.ts';

const page = (segment: string, dokId: string) => `https://www.riksdagen.se/sv/dokument-och-lagar/dokument/${segment}/_${dokId}`;
const search = (doktyp: string, q: string) => `https://www.riksdagen.se/sv/sok/?${new URLSearchParams({ doktyp, q })}`;

/** A recorded answer, through the schema, to facts. */
function factsOf(dokId: string): TrailFacts {
  return toTrailFacts(z.parse(dokumentstatusTrailSchema, JSON.parse(readApiFixture(`dokumentstatus/${dokId}.json`))));
}

/** A hand-made answer: the document, and whatever relations a test gives. */
function factsFrom(relations: Record<string, unknown>, dokument: Record<string, unknown> = {}): TrailFacts {
  const body = {
    dokumentstatus: { dokument: { dok_id: 'HB0399', titel: 'Ett dokument', doktyp: 'prop', rm: '2023/24', beteckning: '99', ...dokument }, ...relations },
  };
  return toTrailFacts(z.parse(dokumentstatusTrailSchema, body));
}

describe('the trail of a proposition dealt with and decided (HB0320)', () => {
  const facts = factsOf('HB0320');

  test('names the document, its betänkande and its följdmotioner, each with its page', () => {
    expect(facts).toMatchObject({
      dokId: 'HB0320',
      doktyp: 'prop',
      id: 'prop:2023/24:20',
      label: 'prop. 2023/24:20',
      // The title's trailing space (seen in real answers) is gone.
      title: 'På språklig grund',
      url: page('proposition', 'HB0320'),
      treatedIn: [{ label: 'bet. 2023/24:UbU5', url: page('betankande', 'HB01UbU5'), title: 'Lärarutbildning på språklig grund', doktyp: 'bet' }],
      treats: [],
      otherRelations: [],
      proposals: [{ number: '1', committee: 'Bifall', chamber: 'Bifall' }],
      statusText: 'Ärendet är avslutat',
      decidedOn: '2023-12-13',
      open: false,
    });
    expect(facts.followUpMotions.map((d) => [d.label, d.url])).toEqual([
      ['mot. 2023/24:1544', page('motion', 'HB021544')],
      ['mot. 2023/24:1602', page('motion', 'HB021602')],
    ]);
  });

  test('keeps none of the document itself: no HTML, no markup from uppgift', () => {
    const stored = JSON.stringify(facts);
    expect(stored).not.toContain('<');
    expect(stored).not.toContain('style');
    expect(stored.length).toBeLessThan(1500);
  });

  test('in the card: where, the decision, when, the motions, and that the matter is closed', () => {
    expect(trailLines(facts)).toEqual([
      { field: 'treated-in', text: 'Behandlad i', links: [{ label: 'bet. 2023/24:UbU5', url: page('betankande', 'HB01UbU5'), title: 'Lärarutbildning på språklig grund' }] },
      { field: 'decision', text: 'Riksdagen: bifall' },
      { field: 'decided', text: 'Beslutad 2023-12-13' },
      { field: 'motions', text: '2 följdmotioner' },
      { field: 'matter-status', text: 'Ärendet är avslutat' },
    ]);
  });

  test('in the side panel, every följdmotion as a link', () => {
    const motions = trailLines(facts, { full: true }).find((l) => l.field === 'motions');
    expect(motions).toMatchObject({ text: 'Följdmotioner:', links: [{ label: 'mot. 2023/24:1544' }, { label: 'mot. 2023/24:1602' }] });
  });
});

describe('the trail of a betänkande dealing with a proposition and motions (HB01UbU5)', () => {
  const facts = factsOf('HB01UbU5');

  test('what it deals with, its points and its decision day', () => {
    expect(facts.treats.map((d) => [d.label, d.doktyp])).toEqual([
      ['prop. 2023/24:20', 'prop'],
      ['mot. 2023/24:1544', 'mot'],
      ['mot. 2023/24:1602', 'mot'],
    ]);
    expect(facts.points).toEqual([
      { point: '1', heading: 'Lagförslaget', decisionType: 'acklamation', winner: 'utskottet' },
      { point: '2', heading: 'Språkkrav för lärare', decisionType: 'röstning', winner: 'utskottet' },
    ]);
    expect(facts).toMatchObject({ id: 'bet:2023/24:UbU5', decidedOn: '2023-12-13', open: false, proposals: [] });
  });

  test('the card names the proposition and counts the motions', () => {
    expect(trailLines(facts)).toEqual([
      { field: 'treats', text: 'Behandlar', links: [{ label: 'prop. 2023/24:20', url: page('proposition', 'HB0320'), title: 'På språklig grund' }], rest: 'och 2 motioner' },
      { field: 'decision', text: 'Riksdagen: bifall till utskottets förslag (2 punkter, 1 efter omröstning)' },
      { field: 'decided', text: 'Beslutad 2023-12-13' },
      { field: 'matter-status', text: 'Ärendet är avslutat' },
    ]);
  });

  test('the side panel lists all three', () => {
    expect(trailLines(facts, { full: true })[0]).toMatchObject({ field: 'treats', links: [{ label: 'prop. 2023/24:20' }, { label: 'mot. 2023/24:1544' }, { label: 'mot. 2023/24:1602' }] });
    expect(trailLines(facts, { full: true })[0]!.rest).toBeUndefined();
  });
});

describe('the trail of a motion', () => {
  test('HB021544: the betänkande named only in its yrkanden (no dokuppgift, an empty dokreferens), decided alike', () => {
    const facts = factsOf('HB021544');
    expect(facts).toMatchObject({ id: 'mot:2023/24:1544', followUpMotions: [], otherRelations: [], open: false });
    expect(facts.statusText).toBeUndefined();
    expect(trailLines(facts)).toEqual([
      // No dok_id for it: the link searches for its designation.
      { field: 'treated-in', text: 'Behandlad i', links: [{ label: 'bet. 2023/24:UbU5', url: search('bet', 'bet. 2023/24:UbU5') }] },
      { field: 'decision', text: 'Riksdagen: avslag' },
    ]);
  });

  test('HB021602: yrkanden decided differently are told one by one (dokuppgift null, referens null)', () => {
    const facts = factsOf('HB021602');
    expect(trailLines(facts).find((l) => l.field === 'decision')).toEqual({ field: 'decision', text: 'Riksdagen: yrkande 1 avslag, yrkande 2 bifall' });
  });
});

describe('an open matter (HD0347): single objects instead of arrays, a betänkande without a title, nothing decided', () => {
  const facts = factsOf('HD0347');

  test('is open, and says what the data holds and no more', () => {
    expect(facts.open).toBe(true);
    expect(facts.treatedIn).toEqual([{ label: 'bet. 2025/26:JuU10', url: page('betankande', 'HD01JuU10'), doktyp: 'bet' }]);
    expect(facts.decidedOn).toBeUndefined();
    expect(trailLines(facts)).toEqual([
      { field: 'treated-in', text: 'Behandlas i', links: [{ label: 'bet. 2025/26:JuU10', url: page('betankande', 'HD01JuU10') }] },
      { field: 'decision', text: 'Inget beslut i kammaren ännu' },
    ]);
  });
});

describe('relations of types we do not know', () => {
  test('H612523: shown by their own name, with their documents as links', () => {
    const facts = factsOf('H612523');
    expect(facts).toMatchObject({ id: 'fr:2018/19:523', label: 'Svar på fråga 2018/19:523', doktyp: 'frs', open: false });
    expect(trailLines(facts)).toEqual([
      {
        field: 'relation',
        text: 'hänvisning:',
        links: [
          { label: 'skr. 2014/15:146', url: page('skrivelse', 'H203146'), title: 'Förebygga, förhindra och försvåra – den svenska strategin mot terrorism' },
          { label: 'dir. 2017:75', url: page('kommittedirektiv', 'H5B575'), title: 'Informationsutbyte vid samverkan mot terrorism' },
          { label: 'SOU 2018:65', url: page('statens-offentliga-utredningar', 'H6B365'), title: 'Informationsutbyte vid samverkan mot terrorism' },
        ],
      },
    ]);
  });

  test('a relation without a name, a document known only by its designation, or only by words', () => {
    const facts = factsFrom({
      dokreferens: {
        referens: [
          { referenstyp: '', ref_dok_typ: 'sou', ref_dok_rm: '2025', ref_dok_bet: '12' },
          { referenstyp: 'ändrad_genom', uppgift: 'av <b>Ett utskott</b>' },
          { referenstyp: 'ändrad_genom', ref_dok_typ: 'prot', ref_dok_rm: '2023/24', ref_dok_bet: '45', ref_dok_id: 'HB0945' },
          { referenstyp: 'behandlas_i' },
        ],
      },
    });
    expect(trailLines(facts)).toEqual([
      { field: 'relation', text: 'Annan koppling:', links: [{ label: 'SOU 2025:12', url: search('sou', 'SOU 2025:12') }] },
      {
        field: 'relation',
        text: 'ändrad_genom:',
        links: [{ label: 'av Ett utskott' }, { label: 'prot 2023/24:45', url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/protokoll/_HB0945' }],
      },
    ]);
  });
});

describe('lines from hand-made answers', () => {
  test('parts missing altogether: no lines, a closed matter when nothing says otherwise outside the chamber', () => {
    expect(trailLines(factsFrom({}, { doktyp: 'sou', rm: '2025', beteckning: '12' }))).toEqual([]);
    expect(factsFrom({}, { doktyp: 'sou', rm: '2025', beteckning: '12' }).open).toBe(false);
    expect(factsFrom({ dokreferens: null, dokforslag: '', dokaktivitet: { aktivitet: null }, dokuppgift: '' }).open).toBe(true);
  });

  test('many yrkanden decided differently are counted', () => {
    const forslag = ['Avslag', 'Avslag', 'Bifall', 'Avslag', 'Delvis bifall', 'Avslag'].map((kammaren, i) => ({ nummer: String(i + 1), kammaren }));
    const facts = factsFrom({ dokforslag: { forslag } }, { doktyp: 'mot', beteckning: '99' });
    expect(trailLines(facts)).toEqual([{ field: 'decision', text: 'Riksdagen: 4 avslag, 1 bifall, 1 delvis bifall' }]);
  });

  test('a point won by a reservation is told per point', () => {
    const facts = factsFrom(
      { dokutskottsforslag: { utskottsforslag: [{ punkt: '1', vinnare: 'utskottet' }, { punkt: '2', vinnare: 'res. 3 (S, V, MP)', beslutstyp: 'röstning' }] } },
      { doktyp: 'bet', beteckning: 'JuU10', rm: '2025/26' },
    );
    expect(trailLines(facts)).toEqual([{ field: 'decision', text: 'Riksdagen: punkt 1 utskottets förslag, punkt 2 res. 3 (S, V, MP)' }]);
  });

  test(`the card names at most ${CARD_LINKS} documents on a line, then how many more`, () => {
    const referens = Array.from({ length: 8 }, (_, i) => ({ referenstyp: 'följdmotion', ref_dok_typ: 'mot', ref_dok_rm: '2023/24', ref_dok_bet: String(100 + i), ref_dok_id: `HB02${100 + i}` }));
    const relation = Array.from({ length: 7 }, (_, i) => ({ referenstyp: 'hänvisning', ref_dok_typ: 'sou', ref_dok_rm: '2020', ref_dok_bet: String(i + 1) }));
    const facts = factsFrom({ dokreferens: { referens: [...referens, ...relation] } });
    const card = trailLines(facts);
    expect(card[0]).toEqual({ field: 'motions', text: '8 följdmotioner' });
    expect(card[1]!.links).toHaveLength(CARD_LINKS);
    expect(card[1]!.rest).toBe('och 2 till');
    const full = trailLines(facts, { full: true });
    expect(full[0]!.links).toHaveLength(8);
    expect(full[1]!.links).toHaveLength(7);
    expect(full[1]!.rest).toBeUndefined();
  });

  test('the same document named twice is listed once', () => {
    const ref = { referenstyp: 'behandlas_i', ref_dok_typ: 'bet', ref_dok_rm: '2023/24', ref_dok_bet: '2023/24:UbU5', ref_dok_id: 'HB01UbU5' };
    const facts = factsFrom({ dokreferens: { referens: [ref, ref] }, dokforslag: { forslag: { behandlas_i: '2023/24:UbU5', kammaren: 'bifall' } } });
    expect(facts.treatedIn.map((d) => d.label)).toEqual(['bet. 2023/24:UbU5']);
  });
});

describe('referenceIdOf', () => {
  test.each([
    ['prop', '2023/24', '20', 'prop:2023/24:20'],
    ['frs', '2018/19', '523', 'fr:2018/19:523'],
    ['PROP', '1999/2000', '086', 'prop:1999/00:86'],
    ['bet', '2023/24', '2023/24:UbU5', 'bet:2023/24:UbU5'],
    ['sou', '2025', '12', 'sou:2025:12'],
    ['prot', '2023/24', '45', undefined],
    ['bet', '2023/24', 'ubu5', undefined],
    ['prop', undefined, '20', undefined],
  ])('%s %s %s → %s', (doktyp, rm, bet, id) => {
    expect(referenceIdOf(doktyp, rm, bet)).toBe(id);
  });
});

describe('the client fetches a trail', () => {
  function fakeApi(override?: (url: URL) => Response | undefined) {
    const calls: URL[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      calls.push(url);
      const special = override?.(url);
      if (special) return special;
      const answer = apiAnswer(url);
      return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } });
    }) as typeof globalThis.fetch;
    return { client: createRiksdagenClient({ http: createHttpClient({ fetch, sleep: async () => {}, random: () => 0.5 }) }), calls };
  }
  const json = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

  test('one dokumentstatus request, shared by concurrent callers', async () => {
    const { client, calls } = fakeApi();
    const [a, b] = await Promise.all([client.fetchTrail('HB0320'), client.fetchTrail('HB0320')]);
    expect(a).toBe(b);
    expect(a).toMatchObject({ status: 'found', facts: { dokId: 'HB0320', decidedOn: '2023-12-13' } });
    expect(calls.map((u) => u.pathname)).toEqual(['/dokumentstatus/HB0320.json']);
  });

  test('404, null and an empty envelope are "not found"; a document without its dok_id, or not JSON, is malformed', async () => {
    const { client } = fakeApi((url) => {
      if (url.pathname.includes('NULL')) return json('{"dokumentstatus": null}');
      if (url.pathname.includes('EMPTY')) return json('{}');
      if (url.pathname.includes('NODOC')) return json('{"dokumentstatus": {"dokument": ""}}');
      if (url.pathname.includes('BAD')) return json('{"dokumentstatus": {"dokument": {"titel": "Utan id"}}}');
      if (url.pathname.includes('TEXT')) return json('"inget"');
      return undefined;
    });
    expect(await client.fetchTrail('H000000')).toEqual({ status: 'not-found' });
    expect(await client.fetchTrail('NULL1')).toEqual({ status: 'not-found' });
    expect(await client.fetchTrail('EMPTY1')).toEqual({ status: 'not-found' });
    expect(await client.fetchTrail('NODOC1')).toEqual({ status: 'not-found' });
    expect(await client.fetchTrail('BAD1')).toEqual({ status: 'unavailable', reason: 'malformed' });
    expect(await client.fetchTrail('TEXT1')).toEqual({ status: 'unavailable', reason: 'malformed' });
  });

  test('a service in trouble is "unavailable" with its reason', async () => {
    const { client } = fakeApi(() => new Response('busy', { status: 503 }));
    expect(await client.fetchTrail('HB0320')).toEqual({ status: 'unavailable', reason: 'http' });
  });
});
