import type { UnavailableReason } from './types.ts';

/*
 * The one way the background talks to data.riksdagen.se. The service publishes no rate limit,
 * so we are polite by construction (shared/riksdagen.md): every request has a timeout, at most
 * `perHost` requests are in flight per host, 429/5xx/network failures are retried a bounded
 * number of times with growing pauses, and a 429 makes the whole host wait.
 */

export interface HttpFailure {
  reason: UnavailableReason;
  status?: number;
  /** Epoch milliseconds before which asking again is pointless. */
  retryAfter?: number;
}

export type HttpResult = { ok: true; body: unknown } | { ok: false; failure: HttpFailure };

export type HttpTextResult = { ok: true; body: string } | { ok: false; failure: HttpFailure };

export interface HttpClient {
  /** GETs a JSON document. Never throws: every failure is an HttpFailure. */
  getJson(url: string): Promise<HttpResult>;
  /** GETs a text document (a law's HTML), as getJson does. */
  getText(url: string): Promise<HttpTextResult>;
}

export interface HttpClientOptions {
  fetch?: typeof fetch;
  /**
   * Per request, from the moment it is asked for: waiting for a slot, every attempt (reading the
   * body included) and the pauses between them.
   */
  timeoutMs?: number;
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  /** First retry pause; it doubles each time. */
  baseDelayMs?: number;
  /** The longest pause we will sit through; a Retry-After beyond it ends the request at once. */
  maxDelayMs?: number;
  perHost?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** 0..1, for jitter; injectable so tests are exact. */
  random?: () => number;
}

export const HTTP_DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  perHost: 2,
} as const;

/** A counting semaphore that hands a freed slot straight to the next waiter (FIFO). */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.max) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

type Attempt<R> =
  | { done: true; result: R | { ok: false; failure: HttpFailure } }
  | { done: false; failure: HttpFailure; waitMs?: number };

/** How an answer's body becomes a result: parsed JSON, or the text as it is. */
type Reader<R> = { accept: string; read(text: string, status: number): R | { ok: false; failure: HttpFailure } };

const JSON_READER: Reader<HttpResult> = {
  accept: 'application/json',
  read(text, status) {
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      // An HTML error page with status 200, or JSON cut short: the service is not well, but
      // asking again right away will not help.
      return { ok: false, failure: { reason: 'malformed', status } };
    }
  },
};

const TEXT_READER: Reader<HttpTextResult> = {
  accept: 'text/html, text/plain;q=0.9, */*;q=0.1',
  read: (text) => ({ ok: true, body: text }),
};

/**
 * The whole body, or a rejection as soon as `signal` aborts. A fetch is meant to error its body
 * when its signal aborts, but a server that sends its headers and then stalls must not be able to
 * hold a lookup past the timeout on any implementation's word: the race makes sure of it.
 */
export function readBody(response: Response, signal: AbortSignal): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      reject(signal.reason);
      void response.body?.cancel().catch(() => {});
    };
    signal.addEventListener('abort', onAbort, { once: true });
    response.text().then(
      (text) => {
        signal.removeEventListener('abort', onAbort);
        resolve(text);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? HTTP_DEFAULTS.timeoutMs;
  const maxAttempts = options.maxAttempts ?? HTTP_DEFAULTS.maxAttempts;
  const baseDelayMs = options.baseDelayMs ?? HTTP_DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? HTTP_DEFAULTS.maxDelayMs;
  const perHost = options.perHost ?? HTTP_DEFAULTS.perHost;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;

  const limiters = new Map<string, Limiter>();
  /** Per host: epoch ms until which a 429 told us to keep away. */
  const coolDown = new Map<string, number>();

  function limiterFor(host: string): Limiter {
    let limiter = limiters.get(host);
    if (!limiter) limiters.set(host, (limiter = new Limiter(perHost)));
    return limiter;
  }

  async function attempt<R>(url: string, reader: Reader<R>, deadline: number): Promise<Attempt<R>> {
    const leftMs = deadline - now();
    // Asked for too long ago (it waited behind requests to a hung service): not worth sending.
    if (leftMs <= 0) return { done: true, result: { ok: false, failure: { reason: 'timeout' } } };
    const controller = new AbortController();
    // One timer for the whole attempt: headers and every byte of the body (a law is 1–2 MB).
    const timer = setTimeout(() => controller.abort(), leftMs);
    try {
      const response = await doFetch(url, {
        signal: controller.signal,
        credentials: 'omit',
        headers: { accept: reader.accept },
      });
      if (response.status === 429) {
        const waitMs = parseRetryAfter(response.headers.get('retry-after'), now());
        void response.body?.cancel().catch(() => {});
        return { done: false, failure: { reason: 'rate-limited', status: 429 }, waitMs };
      }
      if (response.status >= 500) {
        void response.body?.cancel().catch(() => {});
        return { done: false, failure: { reason: 'http', status: response.status } };
      }
      if (!response.ok) {
        void response.body?.cancel().catch(() => {});
        return { done: true, result: { ok: false, failure: { reason: 'http', status: response.status } } };
      }
      const text = await readBody(response, controller.signal);
      return { done: true, result: reader.read(text, response.status) };
    } catch {
      if (controller.signal.aborted) {
        // Not retried: a hung service would keep the reader waiting maxAttempts × timeout.
        return { done: true, result: { ok: false, failure: { reason: 'timeout' } } };
      }
      return { done: false, failure: { reason: 'network' } };
    } finally {
      clearTimeout(timer);
    }
  }

  async function get<R>(url: string, reader: Reader<R>): Promise<R | { ok: false; failure: HttpFailure }> {
    const host = new URL(url).host;
    // The timeout counts from the moment the request was asked for, not from when it got a slot:
    // behind two requests that a hung service holds, a third would otherwise start its own ten
    // seconds only when theirs ran out, and a reader's "Försök igen" would join a lookup that
    // cannot end in time. Waiting for a slot, every attempt and every pause fit in one timeout.
    const deadline = now() + timeoutMs;
    let last: HttpFailure = { reason: 'network' };
    for (let n = 1; n <= maxAttempts; n++) {
      const blockedFor = (coolDown.get(host) ?? 0) - now();
      if (blockedFor > maxDelayMs || (blockedFor > 0 && now() + blockedFor >= deadline)) {
        return { ok: false, failure: { reason: 'rate-limited', retryAfter: coolDown.get(host) } };
      }
      // Waiting happens outside the host's slots, so a pause never blocks other requests' slots.
      if (blockedFor > 0) await sleep(blockedFor);

      const outcome = await limiterFor(host).run(() => attempt(url, reader, deadline));
      if (outcome.done) return outcome.result;
      last = outcome.failure;

      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1) * (0.75 + random() / 2));
      const waitMs = outcome.waitMs ?? backoff;
      if (outcome.failure.reason === 'rate-limited') {
        coolDown.set(host, Math.max(coolDown.get(host) ?? 0, now() + waitMs));
      }
      if (n === maxAttempts || waitMs > maxDelayMs || now() + waitMs >= deadline) {
        const retryAfter = outcome.failure.reason === 'rate-limited' ? now() + waitMs : undefined;
        return { ok: false, failure: retryAfter === undefined ? last : { ...last, retryAfter } };
      }
      if (outcome.failure.reason !== 'rate-limited') await sleep(waitMs);
    }
    return { ok: false, failure: last };
  }

  return {
    getJson: (url) => get(url, JSON_READER),
    getText: (url) => get(url, TEXT_READER),
  };
}
