import { describe, expect, test } from 'vitest';
import { createHttpClient } from '@/lib/riksdagen/http';
import { createLawClient, type LawFetchOutcome } from '@/lib/riksdagen/laws';
import { apiAnswer, readApiFixture } from '../fixtures/api/serve.ts';

const T = Date.UTC(2026, 11, 1, 12);

/** data.riksdagen.se as recorded, with an optional override per request. */
function fakeApi(override?: (url: URL) => Response | Promise<Response> | undefined, timeoutMs = 10_000) {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push(url.pathname);
    const special = await override?.(url);
    if (special) return special;
    const answer = apiAnswer(url);
    void init;
    return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } });
  }) as typeof globalThis.fetch;
  const http = createHttpClient({ fetch, sleep: async () => {}, random: () => 0.5, timeoutMs });
  return { client: createLawClient({ http, now: () => T }), calls };
}

/** The dokumentstatus fixture of a law, changed by `edit`. */
function editedFixture(dokId: string, edit: (dokument: Record<string, unknown>) => void): Response {
  const json = JSON.parse(readApiFixture(`dokumentstatus/${dokId}.json`)) as { dokumentstatus: { dokument: Record<string, unknown> } };
  edit(json.dokumentstatus.dokument);
  return new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } });
}

/** A body that sends its first bytes and then nothing, ignoring the abort signal. */
function stalled(): Response {
  return new Response(
    new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"dokumentstatus": {')) }),
    { status: 200 },
  );
}

function found(outcome: LawFetchOutcome) {
  if (outcome.status !== 'found') throw new Error(`expected found, got ${JSON.stringify(outcome)}`);
  return outcome.law;
}

describe('law client', () => {
  test('one dokumentstatus request gives the metadata and the text taken apart', async () => {
    const { client, calls } = fakeApi();
    const law = found(await client.fetchLaw('sfs:2009:400#K10P2'));
    expect(calls).toEqual(['/dokumentstatus/sfs-2009-400.json']);
    expect(law.meta).toMatchObject({
      id: 'sfs:2009:400',
      dokId: 'sfs-2009-400',
      kind: 'sfs',
      label: 'SFS 2009:400',
      title: 'Offentlighets- och sekretesslag (2009:400)',
      date: '2009-05-20',
      url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-2009-400/',
      fullTextUrl: 'https://data.riksdagen.se/dokument/sfs-2009-400',
      fetchedAt: T,
      law: { sfs: '2009:400', consolidatedThrough: 't.o.m. SFS 2026:120' },
    });
    expect(law.meta.law).not.toHaveProperty('repealed');
    expect(law.text!.sections.K10P2).toEqual([
      {
        paragraphs: [
          'Sekretess hindrar inte att en uppgift lämnas till en enskild eller till en annan myndighet, om det är nödvändigt för att den utlämnande myndigheten ska kunna fullgöra sin verksamhet.',
        ],
      },
    ]);
    expect(Object.keys(law.text!.sections)).toEqual(['K1P1', 'K1P2', 'K1P7', 'K10P1', 'K10P2', 'K10P2a', 'K10P3', 'K10P3a', 'K21P1', 'K21P2', 'K26P1', 'K26P1a']);
    // Nothing of the HTML is kept.
    expect(JSON.stringify(law)).not.toMatch(/<[a-z]/i);
  });

  test('concurrent callers for places in one law, and for the law itself, share one request', async () => {
    const { client, calls } = fakeApi();
    const outcomes = await Promise.all(['sfs:2009:400#K10P2', 'sfs:2009:400#K26P1', 'sfs:2009:400', 'sfs:1974:152#K2P1'].map((id) => client.fetchLaw(id)));
    expect(outcomes[0]).toBe(outcomes[1]);
    expect(outcomes[0]).toBe(outcomes[2]);
    expect(calls.sort()).toEqual(['/dokumentstatus/sfs-1974-152.json', '/dokumentstatus/sfs-2009-400.json']);
  });

  test('the open data’s title wins, and the consolidation may come as `subtitel`; a repealed law says so', async () => {
    const { client } = fakeApi();
    expect(found(await client.fetchLaw('sfs:1974:152')).meta.title).toBe('Kungörelse (1974:152) om beslutad ny regeringsform');
    const alkohollagen = found(await client.fetchLaw('sfs:1994:1738#K7P19'));
    expect(alkohollagen.meta.law).toEqual({
      sfs: '1994:1738',
      consolidatedThrough: 't.o.m. SFS 2010:1009',
      repealed: { on: '2011-01-01', by: 'SFS 2010:1622' },
    });
    expect(alkohollagen.text!.sections).toHaveProperty('K7P19');
    expect(alkohollagen.text!.sections).not.toHaveProperty('K7P20');
  });

  test.each([
    ['404', () => new Response('<!DOCTYPE html><title>404</title>', { status: 404 })],
    ['dokumentstatus null', () => new Response('{"dokumentstatus": null}')],
    ['dokumentstatus missing', () => new Response('{}')],
    ['dokument null', () => new Response('{"dokumentstatus": {"dokument": null, "dokuppgift": null}}')],
    ['dokument an empty string', () => new Response('{"dokumentstatus": {"dokument": ""}}')],
    ['a JSON null', () => new Response('null')],
  ])('%s is not-found, with one request', async (_name, answer) => {
    const { client, calls } = fakeApi(answer);
    expect(await client.fetchLaw('sfs:2009:400#K10P2')).toEqual({ status: 'not-found' });
    expect(calls).toHaveLength(1);
  });

  test('a law the recorded API does not know is not-found', async () => {
    expect(await fakeApi().client.fetchLaw('sfs:2099:1')).toEqual({ status: 'not-found' });
  });

  test.each([
    ['truncated JSON', () => new Response(readApiFixture('quirks/truncated.json')), 'malformed'],
    ['an HTML error page with status 200', () => new Response(readApiFixture('quirks/html-error-page.html')), 'malformed'],
    ['a document without its title', () => editedFixture('sfs-2009-400', (d) => delete d.titel), 'malformed'],
    ['a list where an object belongs', () => new Response('[1, 2]'), 'malformed'],
    ['status 500', () => new Response('fel', { status: 500 }), 'http'],
  ])('%s is unavailable (%s)', async (_name, answer, reason) => {
    expect(await fakeApi(answer).client.fetchLaw('sfs:2009:400')).toEqual({ status: 'unavailable', reason });
  });

  test('a dokumentstatus whose body stalls after the headers ends as a timeout', async () => {
    const { client } = fakeApi(() => stalled(), 40);
    expect(await client.fetchLaw('sfs:2009:400')).toEqual({ status: 'unavailable', reason: 'timeout' });
  });

  test('without `html` the text is asked for on its own, once', async () => {
    const { client, calls } = fakeApi((url) => (url.pathname.startsWith('/dokumentstatus') ? editedFixture('sfs-2009-400', (d) => delete d.html) : undefined));
    const law = found(await client.fetchLaw('sfs:2009:400#K26P1'));
    expect(calls).toEqual(['/dokumentstatus/sfs-2009-400.json', '/dokument/sfs-2009-400.html']);
    expect(law.text!.sections.K26P1![0]!.paragraphs[0]).toBe(
      'Sekretess gäller inom socialtjänsten för uppgift om en enskilds personliga förhållanden, om det inte står klart att uppgiften kan röjas utan att den enskilde eller någon närstående till denne lider men.',
    );
    expect(law.textFailure).toBeUndefined();
  });

  test('an empty `html` counts as missing too', async () => {
    const { client, calls } = fakeApi((url) => (url.pathname.startsWith('/dokumentstatus') ? editedFixture('sfs-1974-152', (d) => (d.html = '  ')) : undefined));
    expect(found(await client.fetchLaw('sfs:1974:152')).text).toBeDefined();
    expect(calls).toHaveLength(2);
  });

  test.each([
    ['404', () => new Response('nej', { status: 404 }), 'http'],
    ['a page without a single anchor', () => new Response('<!DOCTYPE html><h1>Tekniskt fel</h1>'), 'malformed'],
    ['a stalled body', () => stalled(), 'timeout'],
  ])('when the text alone fails (%s) the law is still found, its text unavailable (%s)', async (_name, answer, reason) => {
    const { client } = fakeApi(
      (url) => (url.pathname.startsWith('/dokumentstatus') ? editedFixture('sfs-2009-400', (d) => delete d.html) : answer()),
      40,
    );
    const law = found(await client.fetchLaw('sfs:2009:400#K10P2'));
    expect(law.meta.title).toBe('Offentlighets- och sekretesslag (2009:400)');
    expect(law.text).toBeUndefined();
    expect(law.textFailure).toBe(reason);
  });

  test('an id that is not a law is not-found without a request', async () => {
    const { client, calls } = fakeApi();
    expect(await client.fetchLaw('sou:2018:65')).toEqual({ status: 'not-found' });
    expect(await client.fetchLaw('nonsens')).toEqual({ status: 'not-found' });
    expect(calls).toHaveLength(0);
  });
});
