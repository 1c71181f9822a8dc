// Builds what the npm package ships (package.json "files"), run by `npm pack` / `npm publish`
// through "prepack": both unpacked extensions (wxt build, Chrome MV3 and Firefox MV3) copied to
// dist/extension/, and the Playwright kit with the contract types compiled to dist/kit and
// dist/lib (tsconfig.kit.json). Everything is rebuilt from scratch, so a tarball never
// carries a stale build. Output goes to stderr: `npm pack --json` keeps a clean stdout.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';

const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: ['ignore', process.stderr, 'inherit'] });
  if (r.status !== 0) {
    console.error(`pack-kit: \`${cmd} ${args.join(' ')}\` failed`);
    process.exit(r.status ?? 1);
  }
};

rmSync('dist', { recursive: true, force: true });
step('npx', ['wxt', 'build']);
step('npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
step('npx', ['tsc', '-p', 'tsconfig.kit.json']);
for (const target of ['chrome-mv3', 'firefox-mv3']) {
  if (!existsSync(`.output/${target}/manifest.json`)) {
    console.error(`pack-kit: .output/${target} has no manifest.json`);
    process.exit(1);
  }
  cpSync(`.output/${target}`, `dist/extension/${target}`, { recursive: true });
}
console.error('pack-kit: dist/kit, dist/lib, dist/extension/{chrome-mv3,firefox-mv3} ready');
