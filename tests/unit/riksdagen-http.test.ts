import { describe, expect, test } from 'vitest';
import { createHttpClient, Limiter, parseRetryAfter, type HttpClientOptions } from '@/lib/riksdagen/http';

const URL_A = 'https://data.riksdagen.se/dokumentlista/?doktyp=sou&rm=2018&bet=65&utformat=json';

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A fetch that answers from a script of responses (or thrown errors), recording every call. */
function scripted(...answers: (Response | Error | (() => Promise<Response>))[]) {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next() : next;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function client(fetch: typeof globalThis.fetch, extra: HttpClientOptions = {}) {
  const sleeps: number[] = [];
  const http = createHttpClient({
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    now: () => 1_000_000,
    ...extra,
  });
  return { http, sleeps };
}

describe('http client', () => {
  test('returns parsed JSON', async () => {
    const { fetch, calls } = scripted(json({ a: 1 }));
    expect(await client(fetch).http.getJson(URL_A)).toEqual({ ok: true, body: { a: 1 } });
    expect(calls).toEqual([URL_A]);
  });

  test('retries a 5xx with doubling pauses, then gives up (bounded)', async () => {
    const { fetch, calls } = scripted(json({}, 500), json({}, 502), json({}, 503), json({ never: true }));
    const { http, sleeps } = client(fetch);
    expect(await http.getJson(URL_A)).toEqual({ ok: false, failure: { reason: 'http', status: 503 } });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  test('a 5xx then a success is a success', async () => {
    const { fetch } = scripted(json({}, 500), json({ ok: 1 }));
    expect(await client(fetch).http.getJson(URL_A)).toEqual({ ok: true, body: { ok: 1 } });
  });

  test('network errors are retried', async () => {
    const { fetch, calls } = scripted(new TypeError('Failed to fetch'), json({ ok: 1 }));
    expect(await client(fetch).http.getJson(URL_A)).toEqual({ ok: true, body: { ok: 1 } });
    expect(calls).toHaveLength(2);
  });

  test('429 waits Retry-After, and the whole host waits with it', async () => {
    const { fetch, calls } = scripted(json({}, 429, { 'retry-after': '2' }), json({ ok: 1 }));
    const { http, sleeps } = client(fetch);
    expect(await http.getJson(URL_A)).toEqual({ ok: true, body: { ok: 1 } });
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  test('a Retry-After longer than we will wait ends the request at once, with when to retry', async () => {
    const { fetch, calls } = scripted(json({}, 429, { 'retry-after': '120' }), json({ ok: 1 }));
    const { http } = client(fetch);
    expect(await http.getJson(URL_A)).toEqual({
      ok: false,
      failure: { reason: 'rate-limited', status: 429, retryAfter: 1_000_000 + 120_000 },
    });
    expect(calls).toHaveLength(1);
    // Other requests to the same host do not even try while it asked us to keep away.
    expect(await http.getJson(URL_A)).toEqual({ ok: false, failure: { reason: 'rate-limited', retryAfter: 1_120_000 } });
    expect(calls).toHaveLength(1);
  });

  test('other 4xx are final', async () => {
    const { fetch, calls } = scripted(json({}, 404));
    expect(await client(fetch).http.getJson(URL_A)).toEqual({ ok: false, failure: { reason: 'http', status: 404 } });
    expect(calls).toHaveLength(1);
  });

  test('an HTML page with status 200 and truncated JSON are malformed, not retried', async () => {
    const html = new Response('<!DOCTYPE html><h1>Tekniskt fel</h1>', { status: 200, headers: { 'content-type': 'text/html' } });
    const cut = new Response('{"dokumentlista": {"dokument": [{"dok_id": "H6', { status: 200 });
    const { fetch, calls } = scripted(html, cut);
    const { http } = client(fetch);
    expect(await http.getJson(URL_A)).toEqual({ ok: false, failure: { reason: 'malformed', status: 200 } });
    expect(await http.getJson(URL_A)).toEqual({ ok: false, failure: { reason: 'malformed', status: 200 } });
    expect(calls).toHaveLength(2);
  });

  test('a request that hangs past the timeout is aborted and reported, not retried', async () => {
    let signal: AbortSignal | undefined;
    const hang = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }) as typeof globalThis.fetch;
    const { http } = client(hang, { timeoutMs: 20 });
    expect(await http.getJson(URL_A)).toEqual({ ok: false, failure: { reason: 'timeout' } });
    expect(signal?.aborted).toBe(true);
  });

  test('the timeout counts from when a request was asked for: requests queued behind a hung service are not sent late', async () => {
    const calls: string[] = [];
    const hang = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(String(input));
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }) as typeof globalThis.fetch;
    // All four asked for at once; by the time the hung two give up their slots (their own 40 ms
    // timers), the clock says every deadline has passed, so the queued two are never sent.
    let clock = 0;
    const http = createHttpClient({ fetch: hang, timeoutMs: 40, now: () => clock });
    const pending = Promise.all([1, 2, 3, 4].map((n) => http.getJson(`${URL_A}&n=${n}`)));
    clock = 1_000;
    const answers = await pending;
    expect(answers).toEqual(Array(4).fill({ ok: false, failure: { reason: 'timeout' } }));
    expect(calls).toEqual([`${URL_A}&n=1`, `${URL_A}&n=2`]);
  });

  test('a pause between attempts that would outlast the timeout ends the request at once', async () => {
    let clock = 0;
    const { fetch, calls } = scripted(json({}, 500), json({}, 502), json({ never: true }));
    const sleeps: number[] = [];
    const http = createHttpClient({
      fetch,
      timeoutMs: 1200,
      random: () => 0.5,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    // 500 ms after the first failure fits; 1 000 ms more after the second would end at 1 500 ms.
    expect(await http.getJson(URL_A)).toEqual({ ok: false, failure: { reason: 'http', status: 502 } });
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([500]);
  });

  test('a body that stalls after the headers ends as a timeout, even when the fetch ignores its signal for the body', async () => {
    // Headers at once, then the first bytes of a 2 MB answer, then nothing: the stream neither
    // ends nor errors, and it does not listen to the abort signal.
    const stalled = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"dokumentstatus": {"dokument": {"html": "<style>'));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      )) as typeof globalThis.fetch;
    const { http } = client(stalled, { timeoutMs: 30 });
    const started = performance.now();
    expect(await http.getJson(URL_A)).toEqual({ ok: false, failure: { reason: 'timeout' } });
    expect(await http.getText(URL_A)).toEqual({ ok: false, failure: { reason: 'timeout' } });
    // Ended by our timer, not by the test's: well within a second for two 30 ms timeouts.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('getText returns the body as it is, and fails as getJson does', async () => {
    const { fetch, calls } = scripted(
      new Response('<h3 name="K1">1 kap.</h3>', { status: 200, headers: { 'content-type': 'text/html' } }),
      new Response('nej', { status: 404 }),
    );
    const { http } = client(fetch);
    expect(await http.getText(URL_A)).toEqual({ ok: true, body: '<h3 name="K1">1 kap.</h3>' });
    expect(await http.getText(URL_A)).toEqual({ ok: false, failure: { reason: 'http', status: 404 } });
    expect(calls).toHaveLength(2);
  });

  test('at most two requests are in flight per host; other hosts are not held up', async () => {
    let active = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      if (String(input).includes('other.example')) return json({ other: true });
      active++;
      peak = Math.max(peak, active);
      await new Promise<void>((resolve) => release.push(resolve));
      active--;
      return json({});
    }) as typeof globalThis.fetch;
    const { http } = client(fetch);
    const pending = [1, 2, 3, 4, 5].map((n) => http.getJson(`${URL_A}&n=${n}`));
    await new Promise((r) => setTimeout(r, 10));
    expect(active).toBe(2);
    expect(await http.getJson('https://other.example/x')).toEqual({ ok: true, body: { other: true } });
    while (release.length > 0 || active > 0) {
      release.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(pending);
    expect(peak).toBe(2);
  });
});

describe('Limiter', () => {
  test('runs tasks in arrival order as slots free up, and frees slots on failure', async () => {
    const limiter = new Limiter(1);
    const order: number[] = [];
    const failing = limiter.run(async () => {
      order.push(1);
      throw new Error('x');
    });
    const second = limiter.run(async () => void order.push(2));
    await expect(failing).rejects.toThrow('x');
    await second;
    expect(order).toEqual([1, 2]);
  });
});

describe('Retry-After', () => {
  test('seconds or an HTTP date, as milliseconds from now', () => {
    const now = Date.UTC(2025, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('snart', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
