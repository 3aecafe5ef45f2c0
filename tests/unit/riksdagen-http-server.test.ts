// @vitest-environment node
// Node's own fetch against a real socket: what the service worker's fetch does with a server that
// answers its headers and then stops sending.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createHttpClient } from '@/lib/riksdagen/http';

let server: Server;
let origin: string;
const open = new Set<import('node:net').Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/stall') {
      // Headers and the first bytes of a large law, then silence (the socket stays open).
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2_000_000) });
      res.write('{"dokumentstatus": {"dokument": {"html": "<style>');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok": true}');
  });
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of open) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('headers then a stalled body: the request ends as a timeout within the timeout, not retried', async () => {
  const http = createHttpClient({ timeoutMs: 300, sleep: async () => {} });
  const started = performance.now();
  expect(await http.getJson(`${origin}/stall`)).toEqual({ ok: false, failure: { reason: 'timeout' } });
  const elapsed = performance.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(290);
  expect(elapsed).toBeLessThan(3000);
});

test('the same server answers a whole body normally', async () => {
  const http = createHttpClient({ timeoutMs: 2000 });
  expect(await http.getJson(`${origin}/ok`)).toEqual({ ok: true, body: { ok: true } });
});
