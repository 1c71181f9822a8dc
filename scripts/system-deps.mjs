// System packages the tests and `npm start` need (Debian/Ubuntu names). When one is missing:
// as root on Debian or Ubuntu it is installed with apt-get; otherwise we stop and print the
// exact command to run. Used by scripts/test.mjs and scripts/start.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const PACKAGES = {
  chromium: { package: 'chromium', paths: ['/usr/lib/chromium/chromium'] },
  firefox: { package: 'firefox-esr', paths: ['/usr/bin/firefox-esr'] },
  apache: { package: 'apache2', paths: ['/usr/sbin/apache2'] },
};

export const chromiumPath = () => PACKAGES.chromium.paths.find((p) => existsSync(p)) ?? PACKAGES.chromium.paths[0];

function isDebianLike() {
  try {
    return /^(ID|ID_LIKE)=.*(debian|ubuntu)/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** Ensures the named tools exist; returns normally or exits the process with instructions. */
export function ensureSystemPackages(names) {
  const missing = names.map((n) => PACKAGES[n]).filter((p) => !p.paths.some((path) => existsSync(path)));
  if (!missing.length) return;
  const pkgs = missing.map((p) => p.package);
  const command = `apt-get update && apt-get install -y ${pkgs.join(' ')}`;
  const root = process.getuid?.() === 0;
  if (!root || !isDebianLike() || spawnSync('which', ['apt-get']).status !== 0) {
    console.error(`Missing system packages: ${pkgs.join(', ')}.\nInstall them with:\n  sudo sh -c '${command}'`);
    process.exit(1);
  }
  console.log(`Installing ${pkgs.join(', ')} with apt-get…`);
  execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`], { stdio: 'inherit' });
}
