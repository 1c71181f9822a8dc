// Where the kit finds the unpacked builds it loads: the folder given in the options, else
// TESSERA_EXTENSION_DIR / TESSERA_FIREFOX_EXTENSION_DIR, else the builds shipped in the npm
// package next to the compiled kit (dist/extension/chrome-mv3 and firefox-mv3, written by
// scripts/pack-kit.mjs before `npm pack`).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BuildTarget = 'chrome' | 'firefox';

/** The absolute folder of the unpacked build for `target`; throws a clear error when it is missing. */
export function extensionDir(target: BuildTarget, explicit?: string): string {
  const env = target === 'chrome' ? process.env.TESSERA_EXTENSION_DIR : process.env.TESSERA_FIREFOX_EXTENSION_DIR;
  const dir = explicit ?? env ?? fileURLToPath(new URL(`../extension/${target}-mv3`, import.meta.url));
  const abs = resolve(dir);
  if (!existsSync(resolve(abs, 'manifest.json'))) {
    throw new Error(`No Tessera ${target} build in ${abs} (manifest.json missing). Pass extensionDir, set ${target === 'chrome' ? 'TESSERA_EXTENSION_DIR' : 'TESSERA_FIREFOX_EXTENSION_DIR'}, or reinstall the package.`);
  }
  return abs;
}
