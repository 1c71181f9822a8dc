// The demo site and E2E fixture server (plain Node, no framework): a sign-up page that
// shows a TOTP enrollment QR code and a login page that verifies a code with a one-step
// window (the enterprise rule: a code is accepted for 90 s in all), plus the static fixture
// pages under tests/site/. Run: node tests/site/server.mjs [port]  (default 4173, 127.0.0.1).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json', '.pdf': 'application/pdf' };

/** The demo user's secret: fixed so a person can compare codes with another authenticator. */
export const DEMO_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function totpFor(host) {
  return new OTPAuth.TOTP({ issuer: 'Tessera Demo', label: `alice@${host}`, secret: OTPAuth.Secret.fromBase32(DEMO_SECRET), period: 30, digits: 6, algorithm: 'SHA1' });
}

const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px system-ui,sans-serif;max-width:560px;margin:40px auto;padding:0 16px}input,button{font:inherit;padding:6px 10px}</style></head><body>${body}</body></html>`;

async function signup(host) {
  const uri = totpFor(host).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, width: 220 });
  const png = await QRCode.toDataURL(uri, { margin: 2, width: 220 });
  return page('Sign up: two-factor authentication', `<h1>Turn on two-factor authentication</h1>
<p>Scan this QR code with Tessera (popup → “Scan QR code on this page”).</p>
<img id="qr" alt="Enrollment QR code" src="${png}" width="220" height="220">
<details><summary>Can't scan it?</summary><p>Secret: <code>${DEMO_SECRET}</code></p><div hidden>${svg}</div></details>
<p><a href="/login">Then log in</a></p>`);
}

function login(message = '') {
  return page('Log in', `<h1>Log in</h1>
<form method="post" action="/login">
<label>User name <input name="username" autocomplete="username" value="alice"></label><br><br>
<label for="otp">Authentication code</label>
<input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6" pattern="[0-9]{6}"><br><br>
<button type="submit">Verify</button></form><p id="result" role="status">${message}</p>`);
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function startSiteServer(port = 0, host = '127.0.0.1') {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const hostname = url.hostname;
      if (url.pathname === '/' || url.pathname === '/signup') {
        res.writeHead(200, { 'content-type': TYPES['.html'] });
        return res.end(await signup(hostname));
      }
      if (url.pathname === '/login' && req.method === 'POST') {
        const form = await readBody(req);
        // One step on either side: the code of the step before, this step and the next (RFC 6238 §5.2).
        const delta = totpFor(hostname).validate({ token: form.get('otp') ?? '', window: 1 });
        res.writeHead(200, { 'content-type': TYPES['.html'] });
        return res.end(login(delta === null ? 'Wrong code.' : 'Welcome, alice! Code accepted.'));
      }
      if (url.pathname === '/login') {
        res.writeHead(200, { 'content-type': TYPES['.html'] });
        return res.end(login());
      }
      if (url.pathname === '/api/totp-now') {
        // Test helper: the code the server expects now (never exposed by a real site).
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ code: totpFor(hostname).generate(), secret: DEMO_SECRET }));
      }
      const file = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!file.startsWith(root)) throw Object.assign(new Error('outside'), { status: 403 });
      const info = await stat(file).catch(() => null);
      const path = info?.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' });
      res.end(body);
    } catch (e) {
      res.writeHead(e?.status ?? 404, { 'content-type': 'text/plain' });
      res.end('Not found');
    }
  });
  return new Promise((done) => server.listen(port, host, () => done({ server, port: server.address().port, url: `http://${host}:${server.address().port}` })));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startSiteServer(Number(process.argv[2] ?? 4173));
  console.log(`Demo site: ${url}/signup and ${url}/login`);
}
