import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './support/browser.ts';
import { dataApi } from './support/sites.ts';

let session: Session;
let options: Page;

beforeAll(async () => {
  session = await launch();
  // An extension page: it may message the background like the content script and side panel do.
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
});
afterAll(async () => {
  await session?.close();
});
afterEach(() => {
  dataApi.fault = 'none';
  dataApi.retryAfter = 120;
});

/** Sends a raw message from the extension page, as lib/messages' `send` would. */
async function message(body: unknown): Promise<any> {
  return options.evaluate(async (m) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    return chrome.runtime.sendMessage(m);
  }, body);
}

const lookup = (ids: string[]) => message({ riksref: 1, name: 'lookupReferences', payload: { ids } });
const apiRequests = (doktyp: string) =>
  session.data.requests.filter((r) => r.startsWith('/dokumentlista/') && r.includes(`doktyp=${doktyp}&`));

describe('metadata lookups through the background, against the fixture API', () => {
  test('finds SOU 2018:65 with one request, then serves it from the cache with none', async () => {
    const first = await lookup(['sou:2018:65']);
    expect(first).toMatchObject({
      ok: true,
      data: {
        results: {
          'sou:2018:65': {
            status: 'found',
            meta: {
              id: 'sou:2018:65',
              dokId: 'H6B365',
              label: 'SOU 2018:65',
              title: 'Informationsutbyte vid samverkan mot terrorism',
              organName: 'Justitiedepartementet',
              url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/statens-offentliga-utredningar/_H6B365',
            },
          },
        },
      },
    });
    expect(apiRequests('sou')).toEqual(['/dokumentlista/?doktyp=sou&rm=2018&bet=65&utformat=json']);

    const again = await lookup(['sou:2018:65']);
    expect(again.data.results['sou:2018:65']).toEqual(first.data.results['sou:2018:65']);
    expect(apiRequests('sou')).toHaveLength(1);
  });

  test('a batch asks the network once per miss; EU acts and known documents cost nothing', async () => {
    const before = session.data.requests.length;
    const reply = await lookup(['sou:2018:65', 'skr:2014/15:146', 'bet:2018/19:JuU12', 'eu:reg:2016/679', 'ds:2099:1']);
    expect(reply.data.results).toMatchObject({
      'sou:2018:65': { status: 'found' },
      'skr:2014/15:146': { status: 'found', meta: { dokId: 'H203146' } },
      'bet:2018/19:JuU12': { status: 'found', meta: { organName: 'Justitieutskottet' } },
      'eu:reg:2016/679': { status: 'not-found' },
      'ds:2099:1': { status: 'not-found' },
    });
    expect(session.data.requests.length - before).toBe(3);
  });

  test('when the API answers 500 the reference is unavailable, and not cached', async () => {
    dataApi.fault = 'status-500';
    const failed = await lookup(['dir:2017:75']);
    expect(failed.data.results['dir:2017:75']).toEqual({ status: 'unavailable', reason: 'http' });
    const attempts = apiRequests('dir').length;
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(3);

    dataApi.fault = 'none';
    const retried = await lookup(['dir:2017:75']);
    expect(retried.data.results['dir:2017:75']).toMatchObject({ status: 'found', meta: { dokId: 'H5B575' } });
    expect(apiRequests('dir')).toHaveLength(attempts + 1);
  });

  test('a malformed message is refused with a clear error', async () => {
    expect(await lookup(['SOU 2018:65'])).toEqual({
      ok: false,
      error: expect.stringContaining('Malformed lookupReferences message: ids.0: not a canonical reference id'),
    });
    expect(await message({ name: 'clearCache' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed message/) });
  });

  test('the options page shows the cache and empties it', async () => {
    await options.reload();
    const count = options.locator('[data-field="count"]');
    // Found so far: sou, skr, bet, dir (the not-found answers are remembered but are no documents).
    await expect.poll(() => count.textContent()).toBe('4');
    await options.getByRole('button', { name: 'Töm cachen' }).click();
    const cache = options.getByRole('region', { name: 'Cache' });
    await expect.poll(() => cache.getByRole('status').textContent()).toBe('Cachen är tömd.');
    await expect.poll(() => count.textContent()).toBe('0');
  });

  test('places in laws: one dokumentstatus per law for every place cited, each with its own words, then the cache', async () => {
    const lawRequests = () => session.data.requests.filter((r) => r.startsWith('/dokumentstatus/sfs-') || r.startsWith('/dokument/sfs-'));
    const before = lawRequests().length;
    const reply = await lookup(['sfs:2009:400#K10P2', 'sfs:2009:400#K26P1', 'sfs:2009:400', 'sfs:1994:1738#K7P19', 'sfs:1994:1738#K7P20']);
    expect(reply.ok).toBe(true);
    const results = reply.data.results;
    expect(results['sfs:2009:400#K10P2']).toMatchObject({
      status: 'found',
      meta: {
        label: '10 kap. 2 § SFS 2009:400',
        title: 'Offentlighets- och sekretesslag (2009:400)',
        url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-2009-400/#K10P2',
        law: {
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
        },
      },
    });
    expect(results['sfs:2009:400#K26P1'].meta.law.place.paragraphs).toHaveLength(6);
    expect(results['sfs:2009:400'].meta.law).toEqual({ sfs: '2009:400', consolidatedThrough: 't.o.m. SFS 2026:120' });
    expect(results['sfs:1994:1738#K7P19'].meta.law.place.state).toBe('found');
    expect(results['sfs:1994:1738#K7P20'].meta.law.place).toEqual({ anchor: 'K7P20', label: '7 kap. 20 §', state: 'missing', chapterTitle: 'Tillstånd m.m.' });
    expect(lawRequests().slice(before).sort()).toEqual(['/dokumentstatus/sfs-1994-1738.json', '/dokumentstatus/sfs-2009-400.json']);

    const later = await lookup(['sfs:2009:400#K1P1', 'sfs:2009:400#K10P3a']);
    expect(later.data.results['sfs:2009:400#K1P1'].meta.law.place.paragraphs[0]).toMatch(/^Denna lag innehåller bestämmelser/);
    expect(lawRequests()).toHaveLength(before + 2);
  });

  // Last: after a long Retry-After the background keeps away from the host for the rest of the session.
  test('a 429 with a long Retry-After is unavailable with when to retry, after one request', async () => {
    dataApi.fault = 'status-429';
    dataApi.retryAfter = 120;
    const before = Date.now();
    const reply = await lookup(['prop:2017/18:1']);
    const result = reply.data.results['prop:2017/18:1'];
    expect(result).toMatchObject({ status: 'unavailable', reason: 'rate-limited' });
    expect(result.retryAfter).toBeGreaterThanOrEqual(before + 119_000);
    expect(apiRequests('prop')).toHaveLength(1);
    // The host asked us to wait: the next miss does not even try.
    dataApi.fault = 'none';
    expect((await lookup(['ip:2018/19:45'])).data.results['ip:2018/19:45']).toMatchObject({ status: 'unavailable', reason: 'rate-limited' });
    expect(apiRequests('ip')).toHaveLength(0);
  });
});
