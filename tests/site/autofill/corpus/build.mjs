// Writes the issue-13 fixture pages (pages.mjs) into tests/site/autofill/ and merges them into
// index.json (file, title, source, lang, class, holdout, expect). Pages from issue 4 keep their
// entries; they get `source` (the site their title names) and `holdout: false` (they were tuned on).
// Run: node tests/site/autofill/corpus/build.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { page } from './lib.mjs';
import { PAGES } from './pages.mjs';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const indexPath = join(DIR, 'index.json');
const index = JSON.parse(readFileSync(indexPath, 'utf8'));
const fresh = new Set(PAGES.map((p) => p.file));
const kept = index.fixtures.filter((f) => !fresh.has(f.file)).map((f) => ({
  file: f.file,
  title: f.title,
  source: f.source ?? `${f.title} (issue 4 fixture)`,
  lang: f.lang ?? (/^(ja|de|ko|zh)-/.exec(f.file)?.[1] ?? (/-ja\./.test(f.file) ? 'ja' : 'en')),
  class: f.class ?? (f.expect.field === null ? 'negative' : f.expect.kind ?? 'single'),
  holdout: false,
  expect: f.expect,
}));
for (const p of PAGES) writeFileSync(join(DIR, p.file), page(p));
index.fixtures = [...kept, ...PAGES.map((p) => ({ file: p.file, title: p.title, source: p.source, lang: p.lang ?? 'en', class: p.cls, holdout: p.holdout, expect: p.expect }))];
index.about += ' Issue 13: source names the real site, component library or public bug report a page is modelled on; class its failure class; holdout pages are kept out of tuning (docs/autofill.md); refuse: the answer autofill.fill gives without an accountId (not-app-code: the page says the code comes by SMS or call; no-email-code: by e-mail); closed: the path crosses a closed shadow root (pages keep those roots in window.closedRoots for tests only).';
writeFileSync(indexPath, `${JSON.stringify(index, null, 2)}\n`);
const all = index.fixtures;
const neg = all.filter((f) => f.expect.field === null || f.expect.refuse).length;
const langs = all.filter((f) => ['ja', 'de', 'fr', 'es', 'zh', 'ko'].includes(f.lang)).length;
console.log(`${all.length} pages, ${all.filter((f) => f.holdout).length} holdout, ${neg} negatives and traps, ${langs} in ja/de/fr/es/zh/ko`);
