// A tiny HTTP server for the clock E2E tests (issue 15, docs/clock.md): it answers every path
// with a small page whose Date header (RFC 9110 §6.6.1) is `skewMs` away from this computer's
// clock, and never lets a response be cached (a cached copy's Date is not "now").
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SkewedServer {
  server: Server;
  /** http://<host>:<port>/ */
  url: string;
  close(): Promise<void>;
}

export async function skewedServer(host: string, skewMs: number): Promise<SkewedServer> {
  const server = createServer((req, res) => {
    res.setHeader('Date', new Date(Date.now() + skewMs).toUTCString());
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>${host}</title><p>${req.url}</p>`);
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  return {
    server,
    url: `http://${host}:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
