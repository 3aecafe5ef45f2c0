import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { apiAnswer, isLawTextPath } from '../../fixtures/api/serve.ts';
import { longDocumentPage } from '../../fixtures/text/long-document.ts';
import type { Handler } from './server.ts';

const pages = new URL('../../fixtures/pages/', import.meta.url);
const page = (name: string) => readFileSync(new URL(name, pages), 'utf8');

/** Addresses of the fixture pages, on the hosts the manifest matches. */
export const URLS = {
  answer:
    'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/sapos-lista-over-kommuner-som-kan-beroras-av_H612523/',
  answerOldScheme:
    'https://riksdagen.se/sv/dokument-lagar/dokument/svar-pa-skriftlig-fraga/sapos-lista-over-kommuner-som-kan-beroras-av_h612523',
  dataAnswer: 'https://data.riksdagen.se/dokument/H612523.html',
  start: 'https://www.riksdagen.se/sv/',
  search: 'https://www.riksdagen.se/sv/sok/?q=terrorism',
  long: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/ett-langt-betankande_H601JuU99/',
  longTypical: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/ett-langt-vanligt-betankande_H601JuU96/',
  // Ten times longer (10 MB of text, typical density): the scale the reader's page must survive.
  huge: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/ett-mycket-langt-betankande_H601JuU95/',
  // The long documents again at addresses that are not document pages, where Riksref stays away.
  benchTypical: 'https://www.riksdagen.se/sv/bench/typical/',
  benchDense: 'https://www.riksdagen.se/sv/bench/dense/',
  dynamic: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/motion/ett-starkare-skydd-mot-terrorism_H6021123/',
  dynamicNext: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/ett-nytt-terroristbrott_H6031/',
  manyReferences: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/manga-hanvisningar_H601JuU97/',
  traps: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/fallor-for-riksref_H601JuU98/',
  // A betänkande citing sections of three laws (issue 11).
  lawCitations: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/offentlighet-sekretess-och-yttrandefrihet_HB01KU5/',
  // A betänkande dealing with a proposition and two motions, citing SOU 2018:65 and the seed answer (issue 13).
  trail: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/lararutbildning-pa-sprakling-grund_HB01UbU5/',
} as const;

const sitePages: Record<string, () => string> = {
  '/': () => page('start.html'),
  '/sv/': () => page('start.html'),
  '/sv/sok/': () => page('search.html'),
  [new URL(URLS.answer).pathname]: () => page('answer-H612523.html'),
  [new URL(URLS.answerOldScheme).pathname]: () => page('answer-H612523.html'),
  [new URL(URLS.long).pathname]: () => longDocumentPage(),
  [new URL(URLS.longTypical).pathname]: () => longDocumentPage(1_000_000, 'typical'),
  [new URL(URLS.huge).pathname]: () => longDocumentPage(10_000_000, 'typical'),
  [new URL(URLS.benchTypical).pathname]: () => longDocumentPage(1_000_000, 'typical'),
  [new URL(URLS.benchDense).pathname]: () => longDocumentPage(),
  [new URL(URLS.dynamic).pathname]: () => page('dynamic-H6021123.html'),
  [new URL(URLS.traps).pathname]: () => page('traps-H601JuU98.html'),
  [new URL(URLS.manyReferences).pathname]: () => page('many-references-H601JuU97.html'),
  [new URL(URLS.lawCitations).pathname]: () => page('bet-laws-HB01KU5.html'),
  [new URL(URLS.trail).pathname]: () => page('bet-trail-HB01UbU5.html'),
  '/sv/dokument-och-lagar/dokument/svar-pa-skriftlig-fraga/ny-visning_H612523/': () => page('answer-H612523-redesigned.html'),
};

const dataPages: Record<string, () => string> = {
  '/dokument/H612523.html': () => page('data-dokument-H612523.html'),
};

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** Plays www.riksdagen.se (and riksdagen.se): the fixture pages, 404 for the rest. */
export const riksdagenSite: Handler = (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'https://www.riksdagen.se').pathname);
  const render = sitePages[path];
  if (render) sendHtml(res, 200, render());
  else sendHtml(res, 404, '<!DOCTYPE html><title>Sidan finns inte</title><main><h1>Sidan finns inte</h1></main>');
};

/**
 * How the fake open data API misbehaves, for tests that need it; `none` is the recorded answers.
 * Set it in a test and put it back afterwards (the server lives in the test's own process).
 */
export const dataApi: {
  fault: 'none' | 'status-500' | 'status-429' | 'html-200' | 'hang' | 'late-500' | 'late-200';
  /** Seconds, sent as Retry-After with `status-429`. */
  retryAfter: number;
} = { fault: 'none', retryAfter: 120 };

function isApiPath(path: string) {
  // A law's text on its own (`/dokument/sfs-2009-400.html`) is fetched like an API answer.
  return path.startsWith('/dokumentlista') || path.startsWith('/dokumentstatus') || isLawTextPath(path);
}

/**
 * Plays data.riksdagen.se: plain document pages, and the open data API from the recorded
 * answers in tests/fixtures/api (an unknown query gets an empty list, as the real API gives).
 */
export const riksdagenData: Handler = (req, res) => {
  const url = new URL(req.url ?? '/', 'https://data.riksdagen.se');
  if (isApiPath(url.pathname)) {
    switch (dataApi.fault) {
      case 'hang':
        return; // never answers; the server closes the connection when it stops
      case 'late-500':
        // Fails, but only after a card opened on the page has been waiting for a while.
        return void setTimeout(() => sendHtml(res, 500, '<!DOCTYPE html><title>500</title><h1>Internal Server Error</h1>'), 2_000);
      case 'late-200':
        // The recorded answer, after a card opened on the page has been waiting for a while.
        return void setTimeout(() => {
          const answer = apiAnswer(url);
          res.writeHead(answer.status, { 'content-type': answer.contentType, 'cache-control': 'no-store' });
          res.end(answer.body);
        }, 2_000);
      case 'status-500':
        return sendHtml(res, 500, '<!DOCTYPE html><title>500</title><h1>Internal Server Error</h1>');
      case 'status-429':
        res.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(dataApi.retryAfter) });
        return void res.end('Too Many Requests');
      case 'html-200':
        return sendHtml(res, 200, readFileSync(new URL('../../fixtures/api/quirks/html-error-page.html', import.meta.url), 'utf8'));
      case 'none': {
        const answer = apiAnswer(url);
        res.writeHead(answer.status, { 'content-type': answer.contentType, 'cache-control': 'no-store' });
        return void res.end(answer.body);
      }
    }
  }
  const render = dataPages[url.pathname];
  if (render) return sendHtml(res, 200, render());
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
};
