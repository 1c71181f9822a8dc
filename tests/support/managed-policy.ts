// Managed policy files for E2E tests (issue 16, docs/policy.md). Both need root (CI runs as root).
// - Chromium reads every JSON file in /etc/chromium/policies/managed/; per-extension values go
//   under 3rdparty.extensions["<id>"]. The id of an unpacked build is derived from its absolute
//   path (SHA-256, first 32 hex digits mapped 0–f → a–p; shared/toolchain-notes.md), so a policy
//   for this build touches no other build running at the same time. Each file has a unique name
//   and is removed afterwards.
// - Firefox ESR reads policies.json from /etc/firefox-esr/policies/ when that exists, else from
//   its distribution folder (/usr/lib/firefox-esr/distribution/), once at start-up
//   (EnterprisePoliciesParent.sys.mjs in omni.ja: SysConfD, then XREAppDist; the alternate-path
//   pref works only in test builds). The file is system-wide, so it names a gecko id of its own
//   (a copy of the build with that id, firefoxBuildWithId) and the previous file is put back.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
export const FIREFOX_POLICY_FILE = existsSync('/etc/firefox-esr/policies/policies.json')
  ? '/etc/firefox-esr/policies/policies.json'
  : '/usr/lib/firefox-esr/distribution/policies.json';

export const isRoot = () => process.getuid?.() === 0;

/** The id Chromium gives an unpacked extension loaded from `dir`. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export interface PolicyFile {
  path: string;
  write(policy: Record<string, unknown>): void;
  remove(): void;
}

/** A Chromium policy file for one extension id; `write` replaces its values (Chromium notices within seconds). */
export function chromiumPolicy(extensionId: string): PolicyFile {
  const path = join(CHROMIUM_POLICY_DIR, `tessera-e2e-${extensionId}-${process.pid}.json`);
  return {
    path,
    write(policy) {
      mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
      // Written beside and renamed, so Chromium never reads half a file.
      writeFileSync(`${path}.tmp`, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));
      renameSync(`${path}.tmp`, path);
    },
    remove: () => rmSync(path, { force: true }),
  };
}

/** A copy of the Firefox build whose gecko id is `id` (so a system-wide policies.json names only it). */
export function firefoxBuildWithId(buildDir: string, id: string): { dir: string; remove(): void } {
  const dir = join(mkdtempSync(join(tmpdir(), 'tessera-ff-policy-')), 'ext');
  cpSync(buildDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.browser_specific_settings.gecko.id = id;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dirname(dir), { recursive: true, force: true }) };
}

/** Installs a policies.json giving `policy` to add-on `geckoId`; `remove()` puts back what was there. */
export function firefoxPolicy(geckoId: string): PolicyFile {
  const path = FIREFOX_POLICY_FILE;
  const previous = existsSync(path) ? readFileSync(path) : null;
  let wrote = false;
  return {
    path,
    write(policy) {
      mkdirSync(dirname(path), { recursive: true });
      // Keep any policies already there (an administrator's), adding ours beside them.
      const base = previous ? JSON.parse(previous.toString('utf8')) : { policies: {} };
      base.policies ??= {};
      base.policies['3rdparty'] ??= {};
      base.policies['3rdparty'].Extensions = { ...(base.policies['3rdparty'].Extensions ?? {}), [geckoId]: policy };
      writeFileSync(path, JSON.stringify(base, null, 2));
      wrote = true;
    },
    remove() {
      if (!wrote) return;
      if (previous) writeFileSync(path, previous);
      else rmSync(path, { force: true });
      wrote = false;
    },
  };
}
