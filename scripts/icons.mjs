// Renders public/icon/tessera.svg into the PNG sizes the manifest needs (16, 32, 48, 128 px;
// WXT picks up public/icon/<size>.png and fills `icons` and `action.default_icon`). The PNGs are
// committed, so a build needs no rasteriser; run `node scripts/icons.mjs` after editing the SVG.
// Rasterised by headless Chromium (playwright-core), drawn at each size rather than scaled down.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '../public/icon');
const svg = readFileSync(`${dir}/tessera.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const size of [16, 32, 48, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    writeFileSync(`${dir}/${size}.png`, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
