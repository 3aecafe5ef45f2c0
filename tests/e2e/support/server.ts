import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { testCertificate } from './tls.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  port: number;
  /** Every request path with query, in arrival order, so tests can count what reached "the network". */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A local https server on a random free port of 127.0.0.1. The real site and API are https only,
 * and so are the manifest's match patterns.
 */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: string[] = [];
  const server = createHttpsServer(testCertificate(), (req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '/');
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
