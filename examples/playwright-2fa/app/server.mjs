// A tiny web app with a two-step login: user name and password, then a six-digit TOTP code
// (RFC 6238: HMAC-SHA1, 30-second steps, one step of drift accepted on either side, so a code
// is good for 90 s in all). No framework and no dependencies: node app/server.mjs [port].
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { USER } from './users.mjs';

const port = Number(process.argv[2] ?? process.env.APP_PORT ?? 3000);

/** RFC 4648 Base32 → bytes. */
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0;
  const out = [];
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 §5.3 HOTP with RFC 6238's counter: 6 digits. */
function totp(secret, step) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32(secret)).update(msg).digest();
  const o = h[h.length - 1] & 0x0f;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

function verify(code, now = Date.now()) {
  const step = Math.floor(now / 30_000);
  return [step - 1, step, step + 1].some((s) => {
    const expected = Buffer.from(totp(USER.totpSecret, s));
    const given = Buffer.from(String(code));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const sessions = new Map(); // session id → 'password-ok' | 'logged-in'
const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

const loginForm = (error = '') => page('Log in', `<form method="post" action="/login">
<label>User name <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button>Next</button></form><p role="alert">${error}</p>`);

const codeForm = (error = '') => page('Two-step verification', `<form method="post" action="/verify">
<label for="code">Enter the 6-digit code from your authenticator app</label>
<input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
<button>Verify</button></form><p role="alert">${error}</p>`);

async function form(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

createServer(async (req, res) => {
  const sid = /(?:^|; )sid=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  const state = sid ? sessions.get(sid) : undefined;
  const send = (html, headers = {}) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(html);
  };
  const url = new URL(req.url ?? '/', 'http://app');
  if (url.pathname === '/login' && req.method === 'POST') {
    const f = await form(req);
    if (f.get('username') !== USER.username || f.get('password') !== USER.password) return send(loginForm('Wrong user name or password.'));
    const id = randomBytes(16).toString('base64url');
    sessions.set(id, 'password-ok');
    return send(codeForm(), { 'set-cookie': `sid=${id}; HttpOnly; SameSite=Lax; Path=/` });
  }
  if (url.pathname === '/verify' && req.method === 'POST') {
    if (state !== 'password-ok') return send(loginForm('Log in first.'));
    if (!verify((await form(req)).get('code') ?? '')) return send(codeForm('Wrong or expired code.'));
    sessions.set(sid, 'logged-in');
    return send(page('Welcome', `<p>Welcome, ${USER.username}!</p>`));
  }
  if (url.pathname === '/') return send(state === 'logged-in' ? page('Welcome', `<p>Welcome back, ${USER.username}!</p>`) : loginForm());
  if (url.pathname === '/login') return send(loginForm());
  res.writeHead(404).end();
}).listen(port, '127.0.0.1', () => console.log(`Example app on http://127.0.0.1:${port}/login`));
