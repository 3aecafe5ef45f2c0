import * as z from 'zod/mini';
import { beforeAll, describe, expect, test } from 'vitest';
import { lookupResultSchema } from '@/lib/messages/protocol';
import { localDate } from '@/lib/refs/laws/table';
import { lawOutcome, type KnownLaw } from '@/lib/riksdagen/law-answer';
import { createHttpClient } from '@/lib/riksdagen/http';
import { createLawClient } from '@/lib/riksdagen/laws';
import type { DocumentMeta, LookupOutcome } from '@/lib/riksdagen/types';
import { apiAnswer } from '../fixtures/api/serve.ts';

const TODAY = '2026-12-01';
const laws: Record<string, KnownLaw> = {};

beforeAll(async () => {
  const fetch = (async (input: RequestInfo | URL) => {
    const answer = apiAnswer(String(input));
    return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } });
  }) as typeof globalThis.fetch;
  const client = createLawClient({ http: createHttpClient({ fetch }), now: () => 1 });
  for (const id of ['sfs:2009:400', 'sfs:1974:152', 'sfs:1994:1738']) {
    const outcome = await client.fetchLaw(id);
    if (outcome.status !== 'found') throw new Error(`fixture ${id} not found`);
    laws[id] = outcome.law;
  }
});

/** The answer for an id, checked against the wire contract as the page will receive it. */
function answer(id: string, date = TODAY, law = laws[id.split('#')[0]!]!): DocumentMeta {
  const outcome: LookupOutcome = lawOutcome(id, law, date);
  const wire = z.safeParse(lookupResultSchema, JSON.parse(JSON.stringify(outcome)));
  expect(wire.success, wire.success ? '' : JSON.stringify(wire.error.issues)).toBe(true);
  if (outcome.status !== 'found') throw new Error(`expected found, got ${outcome.status}`);
  return outcome.meta;
}

describe('a law id answered from its law', () => {
  test('a section: its label, its address at the place, the law’s title, and the section’s own words', () => {
    const meta = answer('sfs:2009:400#K10P2');
    expect(meta).toMatchObject({
      id: 'sfs:2009:400#K10P2',
      kind: 'sfs',
      dokId: 'sfs-2009-400',
      label: '10 kap. 2 § SFS 2009:400',
      title: 'Offentlighets- och sekretesslag (2009:400)',
      url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-2009-400/#K10P2',
    });
    expect(meta.law).toEqual({
      sfs: '2009:400',
      consolidatedThrough: 't.o.m. SFS 2026:120',
      place: {
        anchor: 'K10P2',
        label: '10 kap. 2 §',
        state: 'found',
        chapterTitle: 'Sekretessbrytande bestämmelser och bestämmelser om undantag från sekretess',
        paragraphs: [
          'Sekretess hindrar inte att en uppgift lämnas till en enskild eller till en annan myndighet, om det är nödvändigt för att den utlämnande myndigheten ska kunna fullgöra sin verksamhet.',
        ],
      },
    });
  });

  test('every stycke in order, list points on their own lines, the amendment note kept', () => {
    expect(answer('sfs:2009:400#K10P3').law!.place!.paragraphs).toEqual([
      expect.stringMatching(/^Sekretess hindrar inte att en enskild eller en myndighet som är part i ett mål .* det intresse som sekretessen ska skydda\.$/),
      'Sekretess hindrar aldrig att en part i ett mål eller ärende tar del av en dom eller ett beslut i målet eller ärendet. Inte heller innebär sekretess någon begränsning i en parts rätt enligt rättegångsbalken att få del av alla omständigheter som läggs till grund för avgörande i ett mål eller ärende.',
      'Om det i lag finns bestämmelser som avviker från första eller andra stycket gäller de bestämmelserna. Lag (2014:259).',
    ]);
    expect(answer('sfs:1974:152#K2P1').law!.place!.paragraphs![0]).toBe(
      'Var och en är gentemot det allmänna tillförsäkrad\n1. yttrandefrihet: frihet att i tal, skrift eller bild eller på annat sätt meddela upplysningar samt uttrycka tankar, åsikter och känslor,\n2. informationsfrihet: frihet att inhämta och ta emot upplysningar samt att i övrigt ta del av andras yttranden,\n3. mötesfrihet: frihet att anordna och delta i sammankomster för upplysning, meningsyttring eller annat liknande syfte eller för framförande av konstnärligt verk,\n4. demonstrationsfrihet: frihet att anordna och delta i demonstrationer på allmän plats,\n5. föreningsfrihet: frihet att sammansluta sig med andra för allmänna eller enskilda syften, och\n6. religionsfrihet: frihet att ensam eller tillsammans med andra utöva sin religion.',
    );
  });

  test('a lettered section, and a section of a law cited as a whole chapter', () => {
    expect(answer('sfs:2009:400#K10P3a').law!.place).toMatchObject({ label: '10 kap. 3 a §', state: 'found' });
    expect(answer('sfs:2009:400#K10P3a').law!.place!.paragraphs).toHaveLength(3);
    const chapter = answer('sfs:2009:400#K26').law!.place!;
    expect(chapter).toEqual({
      anchor: 'K26',
      label: '26 kap.',
      state: 'found',
      chapterTitle: 'Sekretess till skydd för enskild inom socialtjänst, vid kommunal bostadsförmedling, adoption, m.m.',
    });
  });

  test('a place not in the current text is missing, the law itself fine (and said to be repealed)', () => {
    const meta = answer('sfs:1994:1738#K7P20');
    expect(meta.title).toBe('Alkohollag (1994:1738)');
    expect(meta.law).toEqual({
      sfs: '1994:1738',
      consolidatedThrough: 't.o.m. SFS 2010:1009',
      repealed: { on: '2011-01-01', by: 'SFS 2010:1622' },
      place: { anchor: 'K7P20', label: '7 kap. 20 §', state: 'missing', chapterTitle: 'Tillstånd m.m.' },
    });
    expect(answer('sfs:1994:1738#K7P19').law!.place!.state).toBe('found');
    expect(answer('sfs:2009:400#K99').law!.place).toEqual({ anchor: 'K99', label: '99 kap.', state: 'missing' });
  });

  test('the law as a whole: no place, its page without a fragment', () => {
    const meta = answer('sfs:1974:152');
    expect(meta).toMatchObject({
      id: 'sfs:1974:152',
      label: 'SFS 1974:152',
      title: 'Kungörelse (1974:152) om beslutad ny regeringsform',
      url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-1974-152/',
    });
    expect(meta.law).toEqual({ sfs: '1974:152', consolidatedThrough: 't.o.m. SFS 2022:1600' });
  });

  test('the wording in force on the day: an ended one is passed over, a coming change is told', () => {
    // 1 kap. 7 § changed on 2026-03-01: the new wording is the one in force now.
    expect(answer('sfs:2009:400#K1P7').law!.place!.paragraphs![0]).toMatch(/Myndigheten för säkerhet och integritetsskydd/);
    expect(answer('sfs:2009:400#K1P7', '2026-02-28').law!.place).toMatchObject({
      paragraphs: [expect.stringMatching(/Säkerhets- och integritetsskyddsnämnden/)],
      inForceUntil: '2026-03-01',
    });
    // 21 kap. is replaced on 2027-01-01: today the old chapter, with its end; then the new one.
    const now = answer('sfs:2009:400#K21P1').law!.place!;
    expect(now.inForceUntil).toBe('2027-01-01');
    expect(now.paragraphs![2]).toBe('För uppgift i en allmän handling gäller sekretessen i högst sjuttio år.');
    const then = answer('sfs:2009:400#K21P1', '2027-01-01').law!.place!;
    expect(then.paragraphs![2]).toBe('För uppgift i en allmän handling gäller sekretessen i högst nittio år. Lag (2026:95).');
    expect(then.chapterTitle).toBe('Sekretess till skydd för uppgift om enskilds personliga förhållanden i alla sammanhang');
    expect(then).not.toHaveProperty('inForceUntil');
    expect(answer('sfs:2009:400#K21P2', '2027-01-01').law!.place!.state).toBe('missing');
    expect(answer('sfs:2009:400#K21', '2027-01-01').law!.place!.chapterTitle).toMatch(/i alla sammanhang$/);
  });

  test('a wording not yet in force, when it is the only one, is shown with the day it comes', () => {
    const law: KnownLaw = {
      meta: laws['sfs:2009:400']!.meta,
      text: { sections: { P1: [{ paragraphs: ['Ny.'], from: '2030-01-01' }] }, chapters: {} },
    };
    expect(answer('sfs:2009:400#P1', TODAY, law).law!.place).toEqual({ anchor: 'P1', label: '1 §', state: 'found', paragraphs: ['Ny.'], inForceFrom: '2030-01-01' });
  });

  test('a law whose text could not be had: found, the place unavailable with the reason', () => {
    const law: KnownLaw = { meta: laws['sfs:2009:400']!.meta, textFailure: 'timeout' };
    expect(answer('sfs:2009:400#K10P2', TODAY, law).law!.place).toEqual({ anchor: 'K10P2', label: '10 kap. 2 §', state: 'unavailable', reason: 'timeout' });
    expect(answer('sfs:2009:400', TODAY, law).law).not.toHaveProperty('place');
  });

  test('stale answers say so; ids that are not laws are not-found', () => {
    expect(lawOutcome('sfs:2009:400#K10P2', laws['sfs:2009:400']!, TODAY, true)).toMatchObject({ status: 'found', stale: true });
    expect(lawOutcome('sou:2018:65', laws['sfs:2009:400']!, TODAY)).toEqual({ status: 'not-found' });
  });

  test('localDate is the day in the reader’s time zone', () => {
    const d = new Date(2026, 11, 1, 23, 59);
    expect(localDate(d.getTime())).toBe('2026-12-01');
  });
});
