// Autofill on the fixture corpus, measured from outside (issue 13): every page of
// tests/site/autofill/index.json is opened in headless Chromium with the BUILT extension
// (.output/chrome-mv3), and `autofill.fill` is called without an accountId, as a tester would
// (shared/automation-api.md). What the page holds afterwards is read from every frame, every open
// shadow root and the closed ones the page registered for tests (window.closedRoots):
// - a positive page counts as filled correctly when the answer says filled, the page's own script
//   accepted the code (its #result, computed from its own aggregate), and no input changed but the
//   expected field (for a group: its boxes, and a hidden aggregate holding the code);
// - a write anywhere else is a wrong write (precision);
// - a negative page must be left untouched; an SMS/call page must answer not-app-code and an
//   e-mail page no-email-code with nothing written (and an SMS/call page must fill when the
//   account is named);
// - a field in a frame of another site is refused until the account is bound to that site too.
// Prints recall, precision, untouched negatives and refusals per set (tuning / holdout).
//
//   node bench/autofill-eval.mjs [--tuning | --holdout] [--only <substring>] [--port <n>]
// The E2E spec tests/e2e/autofill-corpus.spec.ts asserts the same outcomes page by page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as OTPAuth from 'otpauth';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const FIXTURES_DIR = join(ROOT, 'tests/site/autofill');
export const INDEX = JSON.parse(readFileSync(join(FIXTURES_DIR, 'index.json'), 'utf8'));
const HOST = '127.0.0.1';
const FRAME_SITE = 'localhost';
const S6 = { secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', digits: 6 };
const S8 = { secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', digits: 8 };
const PASSPHRASE = 'correct horse battery staple';

const totp = (s, timestamp = Date.now()) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(s.secret), digits: s.digits, period: 30, algorithm: 'SHA1' }).generate({ timestamp });

/** Functions that run inside a page frame (main world): its inputs, in a stable order. */
const IN_PAGE = `
function tRoots() {
  var out = [document], closed = window.closedRoots || [];
  var walk = function (r) { r.querySelectorAll('*').forEach(function (el) { var s = el.shadowRoot || closed.find(function (c) { return c.host === el; }); if (s) { out.push(s); walk(s); } }); };
  walk(document); return out;
}
function tInputs() { var out = []; tRoots().forEach(function (r) { r.querySelectorAll('input,textarea').forEach(function (i) { if (i.localName) out.push(i); }); }); return out; }
function tResolve(steps) {
  var scope = document, el = null, closed = window.closedRoots || [];
  for (var k = 0; k < steps.length; k++) {
    el = scope.querySelector(steps[k]);
    if (!el) return null;
    scope = el.shadowRoot || closed.find(function (c) { return c.host === el; }) || scope;
  }
  return el;
}
`;

/** Runs `body` (which may use IN_PAGE's functions and `args`) in a frame; null when the frame is gone. */
async function inFrame(frame, body, args = null) {
  try {
    return await frame.evaluate(`(function (args) { ${IN_PAGE}; ${body} })(${JSON.stringify(args)})`);
  } catch {
    return null;
  }
}

/** Every frame's input values (frames in Playwright's order, keyed by frame URL and index). */
async function snapshot(page) {
  const out = {};
  for (const [fi, frame] of page.frames().entries()) {
    const values = (await inFrame(frame, 'return tInputs().map(function (i) { return [i.type, i.value]; });')) ?? [];
    values.forEach(([type, value], i) => { out[`${fi}|${i}`] = { type, value }; });
  }
  return out;
}

/** The frame a selector path ends in, and the steps left inside it. */
async function frameOf(page, path) {
  const steps = Array.isArray(path) ? path : [path];
  let frame = page.mainFrame();
  let rest = [];
  for (const [i, step] of steps.entries()) {
    if (/^iframe\b/i.test(step) && i < steps.length - 1) {
      const handle = await frame.locator([...rest, step].join(' >> ')).first().elementHandle({ timeout: 10_000 }).catch(() => null);
      const inner = await handle?.contentFrame();
      if (!inner) return { frame: null, steps: [] };
      frame = inner;
      rest = [];
    } else rest.push(step);
  }
  return { frame, steps: rest };
}

/** Snapshot keys of the inputs a correct fill may write: the field, or the group's boxes. */
async function expectedKeys(page, ex) {
  const { frame, steps } = await frameOf(page, ex.field);
  if (!frame) return null;
  const fi = page.frames().indexOf(frame);
  const idx = await inFrame(frame, `
    var f = tResolve(args.steps); if (!f) return null;
    var all = tInputs();
    if (args.kind !== 'split') return [all.indexOf(f)];
    var r = Array.prototype.slice.call(f.getRootNode().querySelectorAll('input')).filter(function (i) { return i.type !== 'hidden'; });
    var at = r.indexOf(f);
    return r.slice(at, at + args.len).map(function (i) { return all.indexOf(i); });`, { steps, kind: ex.kind, len: ex.length ?? 6 });
  return idx ? idx.map((i) => `${fi}|${i}`) : null;
}

async function resultText(page, path) {
  const { frame, steps } = await frameOf(page, path);
  if (!frame) return '';
  return (await inFrame(frame, 'var e = tResolve(args); return e ? e.textContent.trim() : "";', steps)) ?? '';
}

/** Opens the built extension with a vault, two accounts and a web tab. */
export async function openEval({ port, extensionDir = join(ROOT, '.output/chrome-mv3'), chromium: given } = {}) {
  const chromium = given ?? (await import('@playwright/test')).chromium;
  const site = `http://${HOST}:${port}`;
  const profile = mkdtempSync(join(tmpdir(), 'tessera-eval-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    headless: true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox',
      '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  const extPage = await context.newPage();
  await extPage.goto(`chrome-extension://${extensionId}/options.html`);
  const raw = (m) => extPage.evaluate((msg) => chrome.runtime.sendMessage(msg), m);
  const api = async (m) => {
    const a = await raw(m);
    if (!a.ok) throw new Error(`${m.type}: ${a.error?.code}`);
    return a;
  };
  await api({ type: 'vault.setup', passphrase: PASSPHRASE });
  const uri = (label, s) => `otpauth://totp/Eval:${label}?secret=${s.secret}&issuer=Eval&digits=${s.digits}`;
  const id6 = (await api({ type: 'accounts.import', text: uri('six', S6) })).added[0].id;
  const id8 = (await api({ type: 'accounts.import', text: uri('eight', S8) })).added[0].id;
  const page = await context.newPage();
  const start = `${site}/autofill/neg-none.html`;
  await page.goto(start);
  const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, start);
  const bind = async (sites6, sites8) => {
    await api({ type: 'accounts.update', id: id6, sites: sites6 });
    await api({ type: 'accounts.update', id: id8, sites: sites8 });
  };
  return {
    page, raw, site,
    /** Runs one fixture; returns { file, set, kind, ok, why, wrongWrite, ... }. */
    async run(fixture) {
      const ex = fixture.expect;
      const digits = ex.length ?? 6;
      const acct = digits === 8 ? { id: id8, s: S8 } : { id: id6, s: S6 };
      const set = fixture.holdout ? 'holdout' : 'tuning';
      const kind = ex.field === null ? 'negative' : ex.refuse ? (ex.refuse === 'no-email-code' ? 'email' : 'sms') : 'positive';
      const out = { file: fixture.file, set, kind, ok: false, why: '', wrongWrite: false, answer: null };
      if (digits === 8) await bind([], [HOST]);
      else await bind([HOST], []);
      await page.goto(`${site}/autofill/${fixture.file}`);
      await page.waitForLoadState('load');
      await page.waitForTimeout((ex.late ?? 0) + 150);
      let keys = null;
      if (ex.field !== null) {
        for (let t = 0; t < 40 && !keys?.every((k) => !k.endsWith('|-1')); t++) {
          keys = await expectedKeys(page, ex);
          if (!keys || keys.some((k) => k.endsWith('|-1'))) await page.waitForTimeout(100);
        }
        if (!keys) return { ...out, why: 'the expected field is not on the page' };
      }
      const before = await snapshot(page);
      const changed = async () => {
        await page.waitForTimeout(150);
        const after = await snapshot(page);
        return Object.keys(after).filter((k) => before[k] && after[k].value !== before[k].value).map((k) => ({ key: k, ...after[k] }));
      };
      if (ex.crossSite) {
        const refused = await raw({ type: 'autofill.fill', tabId });
        const ch = await changed();
        if (refused.ok || refused.error?.code !== 'no-account-for-site' || ch.length) {
          return { ...out, answer: refused, wrongWrite: ch.length > 0, why: `cross-site frame not refused: ${JSON.stringify(refused.error ?? refused)}` };
        }
        await api({ type: 'accounts.update', id: acct.id, sites: [HOST, FRAME_SITE] });
      }
      const t0 = Date.now();
      const answer = await raw({ type: 'autofill.fill', tabId });
      const codes = new Set([totp(acct.s, t0 - 50), totp(acct.s)]);
      /** Changes outside the expected inputs (a hidden input holding the whole code is the page's aggregate). */
      const stray = (list) => list.filter((c) => !keys?.includes(c.key) && !(c.type === 'hidden' && [...codes].some((code) => c.value.replace(/[\s-]/g, '').includes(code))));
      out.answer = answer.ok ? { filled: answer.filled, fields: answer.fields } : { error: answer.error?.code };
      const ch = await changed();

      if (kind === 'negative') {
        out.wrongWrite = ch.length > 0;
        out.ok = !answer.ok && ch.length === 0;
        out.why = out.ok ? '' : `answer ${JSON.stringify(out.answer)}, ${ch.length} inputs changed`;
        return out;
      }
      if (kind === 'sms' || kind === 'email') {
        out.wrongWrite = stray(ch).length > 0;
        const refusedRight = !answer.ok && answer.error?.code === ex.refuse && ch.length === 0;
        if (!refusedRight) return { ...out, why: `expected ${ex.refuse}, got ${JSON.stringify(out.answer)} with ${ch.length} inputs changed` };
        // An SMS field shorter than an authenticator code (4 digits) cannot take one even when named.
        if (kind === 'sms' && digits >= 6) {
          // Named explicitly, the account is the user's choice: it fills.
          await page.reload();
          await page.waitForTimeout(150);
          const named = await raw({ type: 'autofill.fill', tabId, accountId: acct.id });
          const shown = await resultText(page, ex.result ?? '#result');
          if (!named.ok || !named.filled || ![...codes, totp(acct.s)].includes(shown)) {
            return { ...out, why: `with the account named: ${JSON.stringify(named.error ?? named)}, page shows "${shown}"` };
          }
        }
        return { ...out, ok: true };
      }
      // positive
      const wrong = stray(ch);
      out.wrongWrite = wrong.length > 0;
      if (!answer.ok) return { ...out, why: `answer ${JSON.stringify(out.answer)}` };
      const fields = ex.kind === 'split' ? digits : 1;
      const shown = await resultText(page, ex.result ?? '#result');
      if (!answer.filled || answer.fields !== fields) return { ...out, why: `answer ${JSON.stringify(out.answer)}, page shows "${shown}"` };
      if (!codes.has(shown)) return { ...out, why: `the page accepted "${shown}", not the code` };
      if (wrong.length) return { ...out, why: `${wrong.length} other inputs written` };
      const missing = keys.filter((k) => !ch.some((c) => c.key === k));
      if (missing.length) return { ...out, why: `${missing.length} expected inputs not written` };
      return { ...out, ok: true };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Recall, precision, untouched negatives and refusals of a list of outcomes. */
export function summarise(results) {
  const pos = results.filter((r) => r.kind === 'positive');
  const filled = pos.filter((r) => r.ok).length;
  const writes = results.filter((r) => r.wrongWrite || (r.kind === 'positive' && r.answer?.filled)).length;
  const wrong = results.filter((r) => r.wrongWrite).length;
  const neg = results.filter((r) => r.kind === 'negative');
  const sms = results.filter((r) => r.kind === 'sms');
  const email = results.filter((r) => r.kind === 'email');
  return {
    pages: results.length,
    recall: pos.length ? filled / pos.length : 1,
    positives: `${filled}/${pos.length}`,
    precision: writes ? (writes - wrong) / writes : 1,
    wrongWrites: wrong,
    untouched: `${neg.filter((r) => r.ok).length}/${neg.length}`,
    smsCallRefused: `${sms.filter((r) => r.ok).length}/${sms.length}`,
    emailRefused: `${email.filter((r) => r.ok).length}/${email.length}`,
  };
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
  const sets = args.includes('--tuning') ? ['tuning'] : args.includes('--holdout') ? ['holdout'] : ['tuning', 'holdout'];
  const { startSiteServer } = await import(pathToFileURL(join(ROOT, 'tests/site/server.mjs')).href);
  const { server, port } = await startSiteServer(Number(args.includes('--port') ? args[args.indexOf('--port') + 1] : 0));
  const ev = await openEval({ port });
  const results = [];
  try {
    for (const f of INDEX.fixtures) {
      if (!sets.includes(f.holdout ? 'holdout' : 'tuning') || (only && !f.file.includes(only))) continue;
      const r = await ev.run(f).catch((e) => ({ file: f.file, set: f.holdout ? 'holdout' : 'tuning', kind: '?', ok: false, why: String(e).slice(0, 200), wrongWrite: false }));
      results.push(r);
      if (!r.ok) console.log(`  ✗ ${r.set.padEnd(7)} ${r.file}: ${r.why}`);
    }
  } finally {
    await ev.close();
    server.close();
  }
  console.log('\nset      pages  recall          precision  wrong writes  untouched negatives  SMS/call refused  e-mail refused');
  for (const set of sets) {
    const s = summarise(results.filter((r) => r.set === set));
    console.log(`${set.padEnd(8)} ${String(s.pages).padStart(5)}  ${s.recall.toFixed(3)} (${s.positives})`.padEnd(33) +
      `${s.precision.toFixed(3)}      ${String(s.wrongWrites).padStart(2)}            ${s.untouched.padEnd(21)}${s.smsCallRefused.padEnd(18)}${s.emailRefused}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
