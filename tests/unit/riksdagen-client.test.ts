import { describe, expect, test } from 'vitest';
import { createRiksdagenClient } from '@/lib/riksdagen/client';
import { createHttpClient } from '@/lib/riksdagen/http';
import { apiAnswer, readApiFixture } from '../fixtures/api/serve.ts';

const T = Date.UTC(2025, 0, 1);

/** data.riksdagen.se as recorded, with an optional override per request. */
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
  const http = createHttpClient({ fetch, sleep: async () => {}, random: () => 0.5 });
  return { client: createRiksdagenClient({ http, now: () => T }), calls };
}

describe('riksdagen client', () => {
  test.each([
    ['sou:2018:65', 'H6B365', 'SOU 2018:65'],
    ['dir:2017:75', 'H5B575', 'dir. 2017:75'],
    ['skr:2014/15:146', 'H203146', 'skr. 2014/15:146'],
    ['prop:2017/18:1', 'H5031', 'prop. 2017/18:1'],
    ['bet:2018/19:JuU12', 'H601JuU12', 'bet. 2018/19:JuU12'],
    ['prop:1999/00:86', 'GN0386', 'prop. 1999/00:86'],
    ['ds:2019:3', 'H7B33', 'Ds 2019:3'],
    ['rskr:2018/19:12', 'H6101212', 'rskr. 2018/19:12'],
  ])('finds %s with one request', async (id, dokId, label) => {
    const { client, calls } = fakeApi();
    const outcome = await client.lookup(id);
    expect(outcome).toMatchObject({ status: 'found', meta: { id, dokId, label, fetchedAt: T } });
    expect(calls).toHaveLength(1);
  });

  test('a skriftlig fråga comes with its answer', async () => {
    const { client, calls } = fakeApi();
    const outcome = await client.lookup('fr:2018/19:523');
    expect(outcome).toMatchObject({
      status: 'found',
      meta: {
        dokId: 'H611523',
        kind: 'fr',
        label: 'fråga 2018/19:523',
        url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/skriftlig-fraga/_H611523',
        answer: {
          dokId: 'H612523',
          date: '2019-04-17',
          by: 'Mikael Damberg (S)',
          url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/_H612523',
        },
      },
    });
    expect(calls.map((u) => u.searchParams.get('doktyp')).sort()).toEqual(['fr', 'frs']);
  });

  test('when only the answer is in the API, the answer is the document', async () => {
    const { client } = fakeApi((url) =>
      url.searchParams.get('doktyp') === 'fr' ? new Response(readApiFixture('quirks/empty-null.json')) : undefined,
    );
    expect(await client.lookup('fr:2018/19:523')).toMatchObject({ status: 'found', meta: { dokId: 'H612523', kind: 'fr' } });
  });

  test('no hit is not-found; so is a list of neighbours without the exact document', async () => {
    const { client } = fakeApi();
    expect(await client.lookup('sou:2099:1')).toEqual({ status: 'not-found' });
    const neighbours = fakeApi((url) =>
      url.searchParams.get('bet') === '2' ? new Response(readApiFixture('dokumentlista/prop-2017-18-1.json')) : undefined,
    );
    expect(await neighbours.client.lookup('prop:2017/18:2')).toEqual({ status: 'not-found' });
  });

  test('EU acts and non-ids are not-found without a request', async () => {
    const { client, calls } = fakeApi();
    expect(await client.lookup('eu:reg:2016/679')).toEqual({ status: 'not-found' });
    expect(await client.lookup('nonsens')).toEqual({ status: 'not-found' });
    expect(calls).toHaveLength(0);
  });

  test.each([
    ['an HTML error page with status 200', () => new Response(readApiFixture('quirks/html-error-page.html')), 'malformed'],
    ['truncated JSON', () => new Response(readApiFixture('quirks/truncated.json')), 'malformed'],
    ['JSON of another shape', () => new Response('{"fel": "okänd"}'), 'malformed'],
    ['status 500', () => new Response('fel', { status: 500 }), 'http'],
  ])('%s is unavailable (%s)', async (_name, answer, reason) => {
    const { client } = fakeApi(answer);
    expect(await client.lookup('sou:2018:65')).toEqual({ status: 'unavailable', reason });
  });

  test('429 with a long Retry-After says when to come back', async () => {
    const { client } = fakeApi(() => new Response('', { status: 429, headers: { 'retry-after': '600' } }));
    const outcome = await client.lookup('sou:2018:65');
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'rate-limited' });
    expect(outcome.status === 'unavailable' && outcome.retryAfter! > Date.now()).toBe(true);
  });

  test('concurrent lookups of the same id share one request; later ones ask again', async () => {
    const { client, calls } = fakeApi();
    const [a, b, c] = await Promise.all([client.lookup('sou:2018:65'), client.lookup('sou:2018:65'), client.lookup('dir:2017:75')]);
    expect(a).toBe(b);
    expect(c).toMatchObject({ status: 'found' });
    expect(calls).toHaveLength(2);
    await client.lookup('sou:2018:65');
    expect(calls).toHaveLength(3);
  });

  test('dokumentstatus gives one document by dok_id', async () => {
    const { client } = fakeApi();
    expect(await client.documentStatus('H612523')).toMatchObject({ ok: true, dokument: { dok_id: 'H612523', doktyp: 'frs' } });
    expect(await client.documentStatus('H000000')).toEqual({ ok: false, failure: { reason: 'http', status: 404 } });
  });
});
