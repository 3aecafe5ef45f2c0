import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
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
} as const;

const sitePages: Record<string, () => string> = {
  '/': () => page('start.html'),
  '/sv/': () => page('start.html'),
  '/sv/sok/': () => page('search.html'),
  [new URL(URLS.answer).pathname]: () => page('answer-H612523.html'),
  [new URL(URLS.answerOldScheme).pathname]: () => page('answer-H612523.html'),
  [new URL(URLS.long).pathname]: () => longDocumentPage(),
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

/** Plays data.riksdagen.se: plain document pages; API answers arrive with the metadata issue. */
export const riksdagenData: Handler = (req, res) => {
  const url = new URL(req.url ?? '/', 'https://data.riksdagen.se');
  const render = dataPages[url.pathname];
  if (render) return sendHtml(res, 200, render());
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
};
