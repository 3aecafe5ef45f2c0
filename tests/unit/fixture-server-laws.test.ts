// @vitest-environment node
// The e2e server's data.riksdagen.se (tests/e2e/support/sites.ts) serves the recorded laws where
// the client asks for them: the dokumentstatus by its dok_id with dashes, and the text alone.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect, test } from 'vitest';
import { parseLawText } from '@/lib/riksdagen/law-text';
import { riksdagenData } from '../e2e/support/sites.ts';

function get(path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve) => {
    let status = 0;
    let type = '';
    const res = {
      headersSent: false,
      writeHead(code: number, headers: Record<string, string>) {
        status = code;
        type = headers['content-type'] ?? '';
        return res;
      },
      end(body?: string) {
        resolve({ status, type, body: body ?? '' });
      },
    };
    void riksdagenData({ url: path, headers: {} } as IncomingMessage, res as unknown as ServerResponse);
  });
}

test.each(['sfs-2009-400', 'sfs-1974-152', 'sfs-1994-1738'])('/dokumentstatus/%s.json is the recorded law', async (dokId) => {
  const answer = await get(`/dokumentstatus/${dokId}.json`);
  expect(answer.status).toBe(200);
  expect(answer.type).toMatch(/^application\/json/);
  const dokument = (JSON.parse(answer.body) as { dokumentstatus: { dokument: { dok_id: string; html: string } } }).dokumentstatus.dokument;
  expect(dokument.dok_id).toBe(dokId);
  expect(dokument.html.startsWith('<style>')).toBe(true);
});

test('/dokument/sfs-2009-400.html is the same text on its own; an unknown law is 404', async () => {
  const page = await get('/dokument/sfs-2009-400.html');
  expect(page.status).toBe(200);
  expect(page.type).toMatch(/^text\/html/);
  expect(Object.keys(parseLawText(page.body).sections)).toContain('K10P2');
  expect((await get('/dokument/sfs-2099-1.html')).status).toBe(404);
  expect((await get('/dokumentstatus/sfs-2099-1.json')).status).toBe(404);
});
