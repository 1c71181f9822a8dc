// The WebDAV multistatus scanner (lib/sync/backends/multistatus.ts) on a 512 KB PROPFIND answer
// (issue 10: a listing is attacker-controlled input and must parse in linear time, well under
// 50 ms), in Node on this machine:
//   1. a realistic Apache-style listing of 512 KB (about 1,700 entries);
//   2. hostile shapes of 512 KB: thousands of unclosed <response> tags, one huge href, deep
//      nesting of unknown elements, and entity-heavy hrefs;
// plus a 4 MB listing (the most the backend accepts) to show the time grows linearly.
// Prints medians; nothing is asserted. Figures: docs/benchmarks.md.
//
//   node bench/sync-multistatus.mjs [runs]      (default 15 runs per timing, after one warm-up)
import os from 'node:os';
import { loadTypeScript } from './support/typescript.mjs';

loadTypeScript(import.meta.url);

const { parseMultistatus } = await import('../lib/sync/backends/multistatus.ts');

const runs = Math.max(1, Number(process.argv[2] ?? 15));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Wall time, and CPU time of this process: on a machine shared with other work the CPU time is
// the steadier figure (docs/benchmarks.md).
let lastCpu = 0;
const time = (fn) => {
  fn();
  const ts = [];
  const cs = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cs.push((c.user + c.system) / 1000);
  }
  lastCpu = median(cs);
  return median(ts);
};
const fmt = (x, d = 2) => x.toFixed(d).padStart(8);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores); ${runs} runs per timing`);

const fill = (size, unit) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const entry = (i) => `<D:response xmlns:lp1="DAV:"><D:href>/dav/tessera/vault-AAAAAAAAAAAAAAAA/device${String(i).padStart(6, '0')}.json</D:href><D:propstat><D:prop><lp1:resourcetype/><lp1:getetag>"${(i * 2654435761 >>> 0).toString(16)}-5f2a"</lp1:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>\n`;
const apache = (size) => {
  let s = '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">\n';
  for (let i = 0; s.length < size - 40; i++) s += entry(i);
  return `${s}</D:multistatus>\n`;
};
const KB512 = 512 * 1024;
const cases = [
  ['Apache-style listing, 512 KB', apache(KB512)],
  ['unclosed <d:response> × many, 512 KB', `<d:multistatus>${fill(KB512, '<d:response><d:href>/x')}`],
  ['one 512 KB href', `<d:multistatus><d:response><d:href>${fill(KB512, 'a')}</d:href></d:response></d:multistatus>`],
  ['deep unknown nesting, 512 KB', `<d:multistatus><d:response>${fill(KB512 / 2, '<x:a>')}${fill(KB512 / 2, '</x:a>')}</d:response></d:multistatus>`],
  ['entity-heavy hrefs, 512 KB', `<d:multistatus>${fill(KB512, '<d:response><d:href>&amp;&#x41;&lt;</d:href></d:response>')}</d:multistatus>`],
  ['Apache-style listing, 4 MB', apache(4 * 1024 * 1024)],
];
for (const [label, xml] of cases) {
  let n = 0;
  const t = time(() => (n = parseMultistatus(xml).length));
  console.log(`   ${label.padEnd(40)} ${fmt(t)} ms  (CPU ${fmt(lastCpu)} ms)  (${n} entries)`);
}
